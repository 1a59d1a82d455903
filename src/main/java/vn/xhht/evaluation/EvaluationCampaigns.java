package vn.xhht.evaluation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xhht.shared.CurrentUser;

/**
 * Evaluation and recognition campaigns as other modules may name them (a communication plan item about a campaign):
 * only the campaigns a user sees on the campaign list, its own office's and those of the offices above.
 */
@org.springframework.modulith.NamedInterface("api")
@Service
@Transactional(readOnly = true)
public class EvaluationCampaigns {

    public record Choice(long id, int year, String title, String ownerName) {
    }

    private final CampaignService campaigns;

    EvaluationCampaigns(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    public List<Choice> visibleTo(CurrentUser user) {
        return campaigns.visibleTo(user).stream().map(EvaluationCampaigns::choice).toList();
    }

    /** The campaign if this user may name it, else empty (unknown and out of reach look the same). */
    public Optional<Choice> find(CurrentUser user, long id) {
        return visibleTo(user).stream().filter(c -> c.id() == id).findFirst();
    }

    /** The title of a campaign for showing a link already made (whoever reads the item). */
    public Optional<String> title(long id) {
        return campaigns.title(id);
    }

    private static Choice choice(CampaignService.Campaign c) {
        return new Choice(c.id(), c.year(), c.title(), c.ownerName());
    }
}
