package vn.xhht.evidence;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.xhht.shared.CurrentUsers;
import vn.xhht.document.Downloads;

/** Serves an evidence file to a user whose area contains its unit. */
@Controller
class EvidenceController {

    private final EvidenceStore store;

    EvidenceController(EvidenceStore store) {
        this.store = store;
    }

    @GetMapping("/evidence/{id}")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        EvidenceStore.Content c = store.load(CurrentUsers.require(), id);
        return ResponseEntity.ok()
                .headers(Downloads.inline(MediaType.parseMediaType(c.file().contentType()).toString(), c.file().fileName()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(c.data());
    }
}
