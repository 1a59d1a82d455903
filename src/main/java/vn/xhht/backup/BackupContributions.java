package vn.xhht.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.xhht.platform.HomeAlert;
import vn.xhht.platform.HomeAlertSource;
import vn.xhht.platform.NavContribution;
import vn.xhht.platform.NavItem;
import vn.xhht.shared.CurrentUser;
import vn.xhht.shared.VietnamClock;

/**
 * The backup page in a national administrator's navigation, and a warning on its home page when the last good
 * backup is more than two days old (or, on an installation older than two days, when there is none at all).
 */
@Component
class BackupContributions implements NavContribution, HomeAlertSource {

    static final Duration MAX_AGE = Duration.ofDays(2);

    private final BackupService backups;
    private final BackupAccess access;
    private final VietnamClock clock;

    BackupContributions(BackupService backups, BackupAccess access, VietnamClock clock) {
        this.backups = backups;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public List<NavItem> items(CurrentUser user) {
        return access.allowed(user) ? List.of(new NavItem("/admin/backups", "nav.backups")) : List.of();
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public List<HomeAlert> alertsFor(CurrentUser user, LocalDate today) {
        if (!access.allowed(user)) {
            return List.of();
        }
        Instant limit = clock.instant().minus(MAX_AGE);
        var last = backups.lastSuccess();
        if (last.isPresent() ? last.get().finishedAt().isBefore(limit) : backups.installedAt().isBefore(limit)) {
            return List.of(new HomeAlert(HomeAlert.Severity.WARNING,
                    last.isPresent() ? "backup.alert.old" : "backup.alert.none", List.of(), "/admin/backups"));
        }
        return List.of();
    }
}
