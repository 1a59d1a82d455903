package vn.xhht.publishing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.xhht.centre.ActivityDisruptions;
import vn.xhht.centre.PublicCentres;
import vn.xhht.evaluation.ResultStatistics;
import vn.xhht.oversight.PublicEstablishments;
import vn.xhht.shared.VietnamClock;

/**
 * What the public home and the public centre page show, gathered from the modules that own it: centres and
 * activities (centre), recognitions (evaluation), establishments (oversight), and what offices published here.
 */
@Service
public class Portal {

    /**
     * The public home: national lists until the visitor chooses a province, then that province's communes, this
     * week's activities and what was published there.
     */
    public record Home(List<PublicCentres.Province> provinces, PublicCentres.Province province, List<PublicCentres.PublicCentre> centres,
                       LocalDate monday, List<PublicCentres.PublicActivity> week, List<ResultStatistics.PublicLine> recognitions,
                       List<PublicEstablishments.PublicEstablishment> establishments, List<Publishing.Item> news,
                       List<Publishing.Item> stories, List<Publishing.Item> corrections) {
    }

    /** Everything on a centre's public page. */
    public record CentrePage(PublicCentres.PublicCentre centre, List<PublicCentres.PublicActivity> upcoming,
                             List<PublicCentres.PublicActivity> recent, List<PublicCentres.BoardMember> board, List<PublicCentres.Club> clubs,
                             List<PublicCentres.Book> books, Optional<ResultStatistics.PublicLine> recognition, List<Publishing.Item> news,
                             Map<Long, ActivityDisruptions.Affected> marks) {
    }

    private final PublicCentres centres;
    private final ResultStatistics recognitions;
    private final PublicEstablishments establishments;
    private final Publishing publishing;
    private final VietnamClock clock;
    private final ActivityDisruptions disruptions;

    Portal(PublicCentres centres, ResultStatistics recognitions, PublicEstablishments establishments, Publishing publishing, VietnamClock clock,
           ActivityDisruptions disruptions) {
        this.disruptions = disruptions;
        this.centres = centres;
        this.recognitions = recognitions;
        this.establishments = establishments;
        this.publishing = publishing;
        this.clock = clock;
    }

    public Home home(Long provinceId) {
        List<PublicCentres.Province> provinces = centres.provinces();
        PublicCentres.Province province = provinces.stream().filter(p -> provinceId != null && p.id() == provinceId).findFirst()
                .orElse(null);
        LocalDate monday = clock.today().with(DayOfWeek.MONDAY);
        Long p = province == null ? null : province.id();
        return new Home(provinces, province, p == null ? List.of() : centres.inProvince(p), monday,
                p == null ? List.of() : centres.week(p, monday),
                recognitions.published(null, p).stream().limit(8).toList(),
                p == null ? establishments.search(null, 6) : establishments.inProvince(p, 6),
                publishing.published(p, Publishing.Kind.NEWS, 5), publishing.published(p, Publishing.Kind.STORY, 5),
                publishing.published(p, Publishing.Kind.CORRECTION, 5));
    }

    public CentrePage centre(long id) {
        PublicCentres.PublicCentre c = centres.require(id);
        List<PublicCentres.PublicActivity> upcoming = centres.upcoming(id);
        return new CentrePage(c, upcoming, centres.withPhotos(centres.recent(id)), centres.board(id), centres.clubs(id),
                centres.books(id), recognitions.latestFor(c.communeId()), publishing.published(c.communeId(), null, 5),
                disruptions.marks(upcoming.stream().map(PublicCentres.PublicActivity::id).toList()));
    }

    public PublicCentres.PublicCentre centreOnly(long id) {
        return centres.require(id);
    }

    public List<PublicCentres.PublicActivity> upcoming(long id) {
        return centres.upcoming(id);
    }

    public List<PublicCentres.PublicCentre> find(String q) {
        return centres.find(q);
    }

    /** Recognitions published in a unit's province (or everywhere), of a year when given. */
    public List<ResultStatistics.PublicLine> recognitions(Long unitId, Integer year) {
        return recognitions.publishedUnder(unitId, year);
    }

    /** The sitemap: the public home, every centre page, every published item; withdrawn items are absent. */
    public String sitemap(String base) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(s, base + "/");
        url(s, base + "/public/news");
        url(s, base + "/public/establishments");
        url(s, base + "/public/evaluations");
        centres.allIds().forEach(id -> url(s, base + "/public/centres/" + id));
        publishing.published(null, null, 200).forEach(i -> url(s, base + "/public/news/" + i.id()));
        return s.append("</urlset>\n").toString();
    }

    private static void url(StringBuilder s, String loc) {
        s.append("  <url><loc>").append(loc.replace("&", "&amp;")).append("</loc></url>\n");
    }
}
