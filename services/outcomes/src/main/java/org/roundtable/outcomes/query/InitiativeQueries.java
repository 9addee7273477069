package org.roundtable.outcomes.query;

import jakarta.persistence.criteria.Predicate;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.proposals.Money;
import org.roundtable.kit.names.PublicNames;
import org.roundtable.kit.web.PageOf;
import org.roundtable.outcomes.domain.InitiativeStatus;
import org.roundtable.outcomes.domain.Progress;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the initiatives read model; progress is computed from the time series as it is read, and citizens appear as
 * their consent stands when it is read (see {@link PublicNames}).
 */
@Service
@Transactional(readOnly = true)
public class InitiativeQueries {

    private final InitiativeViews initiatives;
    private final IndicatorViews indicators;
    private final ReportViews reports;
    private final ReadingViews readings;
    private final ContributionViews contributions;
    private final MobilisationViews mobilisations;
    private final ReviewViews reviews;
    private final PublicNames names;

    InitiativeQueries(InitiativeViews initiatives, IndicatorViews indicators, ReportViews reports, ReadingViews readings,
                      ContributionViews contributions, MobilisationViews mobilisations, ReviewViews reviews, PublicNames names) {
        this.names = names;
        this.initiatives = initiatives;
        this.indicators = indicators;
        this.reports = reports;
        this.readings = readings;
        this.contributions = contributions;
        this.mobilisations = mobilisations;
        this.reviews = reviews;
    }

    /** Initiatives matching every given filter (each optional), most recently started first, a page at a time. */
    public PageOf<InitiativeSummary> list(String serviceArea, InitiativeStatus status, int page, int size) {
        Specification<InitiativeView> matching = (root, query, criteria) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (status != null) {
                predicates.add(criteria.equal(root.get("status"), status));
            }
            if (serviceArea != null && !serviceArea.isBlank()) {
                predicates.add(criteria.equal(root.get("serviceArea"), normalised(serviceArea)));
            }
            return criteria.and(predicates.toArray(Predicate[]::new));
        };
        Sort sort = Sort.by(Sort.Direction.DESC, "startedAt").and(Sort.by("initiativeId"));
        return PageOf.of(initiatives.findAll(matching, PageRequest.of(page, size, sort)), InitiativeSummary::of);
    }

    public Optional<InitiativeDetail> detail(String initiativeId) {
        return initiatives.findById(initiativeId).map(view -> {
            Map<String, List<ReadingView>> series = readings.findByInitiativeIdOrderByObservedOnAscId(initiativeId).stream()
                    .collect(Collectors.groupingBy(ReadingView::getIndicatorId, LinkedHashMap::new, Collectors.toList()));
            List<InitiativeDetail.Indicator> indicatorDetails = indicators.findByInitiativeIdOrderById(initiativeId).stream()
                    .map(indicator -> indicator(indicator, series.getOrDefault(indicator.getIndicatorId(), List.of()))).toList();
            List<ReportView> reportViews = reports.findByInitiativeIdOrderByObservedOnAscId(initiativeId);
            Map<String, List<IndicatorReading>> readingsByReport = series.values().stream().flatMap(List::stream)
                    .collect(Collectors.groupingBy(ReadingView::getReportId,
                            Collectors.mapping(r -> new IndicatorReading(r.getIndicatorId(), r.getValue()), Collectors.toList())));
            List<InitiativeDetail.Report> reportDetails = reportViews.stream()
                    .map(r -> new InitiativeDetail.Report(r.getReportId(), r.getObservedOn(), r.getReportedOn(), r.isLivedExperience(),
                            names.actor(r.getReporterId(), r.getReporterRole()).id(), r.getReporterRole(), r.getNarrative(), readingsByReport.getOrDefault(r.getReportId(), List.of())))
                    .toList();
            List<InitiativeDetail.Review> reviewDetails = reviews.findByInitiativeIdOrderById(initiativeId).stream()
                    .map(r -> new InitiativeDetail.Review(r.getStatus(), r.getReason(), r.getOverrideReason(), r.getReviewerId(), r.getReviewedAt()))
                    .toList();
            InitiativeDetail.Provider provider = view.getProviderId() == null ? null
                    : new InitiativeDetail.Provider(view.getProviderId(), view.getProviderName());
            return new InitiativeDetail(view.getInitiativeId(), view.getProposalId(), view.getCaseId(), view.getTitle(), view.getServiceArea(),
                    view.getStatus(), funding(view), provider, reviewDates(view.getReviewDates()), indicatorDetails, reportDetails,
                    assets(initiativeId), reviewDetails, view.getStartedAt(), view.getUpdatedAt());
        });
    }

    /** One summary per service area that has initiatives, in alphabetical order. */
    public List<ServiceAreaSummary> serviceAreas() {
        Map<String, List<InitiativeView>> byArea = initiatives.findAllByOrderByServiceAreaAscStartedAtAsc().stream()
                .collect(Collectors.groupingBy(InitiativeView::getServiceArea, TreeMap::new, Collectors.toList()));
        return byArea.entrySet().stream().map(area -> summary(area.getKey(), area.getValue())).toList();
    }

    public Optional<ServiceAreaSummary> serviceArea(String serviceArea) {
        String area = normalised(serviceArea);
        List<InitiativeView> inArea = initiatives.findByServiceAreaOrderByStartedAt(area);
        return inArea.isEmpty() ? Optional.empty() : Optional.of(summary(area, inArea));
    }

    private ServiceAreaSummary summary(String serviceArea, List<InitiativeView> inArea) {
        Set<String> ids = inArea.stream().map(InitiativeView::getInitiativeId).collect(Collectors.toSet());
        Map<InitiativeStatus, Integer> byStatus = new EnumMap<>(InitiativeStatus.class);
        Arrays.stream(InitiativeStatus.values()).forEach(status -> byStatus.put(status, 0));
        inArea.forEach(view -> byStatus.merge(view.getStatus(), 1, Integer::sum));
        Map<String, BigDecimal> fundingByCurrency = new TreeMap<>();
        inArea.stream().filter(view -> view.getFundingAmount() != null)
                .forEach(view -> fundingByCurrency.merge(view.getFundingCurrency(), view.getFundingAmount(), BigDecimal::add));

        Map<String, ReadingView> latest = new LinkedHashMap<>();
        readings.findByInitiativeIdInOrderByObservedOnAscId(ids).stream().filter(reading -> !reading.isLivedExperience())
                .forEach(reading -> latest.put(reading.getInitiativeId() + "/" + reading.getIndicatorId(), reading));
        int defined = 0;
        int withReadings = 0;
        int met = 0;
        BigDecimal progressSum = BigDecimal.ZERO;
        for (IndicatorView indicator : indicators.findByInitiativeIdIn(ids)) {
            if (!indicator.isDefined()) {
                continue;
            }
            defined++;
            ReadingView last = latest.get(indicator.getInitiativeId() + "/" + indicator.getIndicatorId());
            if (last != null) {
                Progress progress = Progress.toward(indicator.getBaseline(), indicator.getTarget(), indicator.getDirection(), last.getValue());
                withReadings++;
                met += progress.met() ? 1 : 0;
                progressSum = progressSum.add(progress.fraction());
            }
        }
        List<ReportView> areaReports = reports.findByInitiativeIdIn(ids);
        List<ContributionView> expected = contributions.findByInitiativeIdIn(ids).stream().filter(c -> !c.isReleased()).toList();
        List<MobilisationView> given = mobilisations.findByInitiativeIdIn(ids);
        Set<String> fulfilled = given.stream().filter(g -> g.getPledgeId() != null).map(MobilisationView::getPledgeId).collect(Collectors.toSet());
        return new ServiceAreaSummary(serviceArea, inArea.size(), byStatus,
                fundingByCurrency.entrySet().stream().map(f -> new Money(f.getValue(), f.getKey())).toList(),
                defined, withReadings, met,
                withReadings == 0 ? null : progressSum.divide(BigDecimal.valueOf(withReadings), 4, RoundingMode.HALF_UP),
                areaReports.size(), (int) areaReports.stream().filter(ReportView::isLivedExperience).count(),
                expected.size(), (int) expected.stream().filter(c -> fulfilled.contains(c.getPledgeId())).count(),
                given.size(), hours(given));
    }

    private static InitiativeDetail.Indicator indicator(IndicatorView indicator, List<ReadingView> series) {
        List<InitiativeDetail.Point> points = series.stream().filter(r -> !r.isLivedExperience()).map(InitiativeQueries::point).toList();
        List<InitiativeDetail.Point> lived = series.stream().filter(ReadingView::isLivedExperience).map(InitiativeQueries::point).toList();
        BigDecimal latest = points.isEmpty() ? null : points.get(points.size() - 1).value();
        Progress progress = latest == null || !indicator.isDefined() ? null
                : Progress.toward(indicator.getBaseline(), indicator.getTarget(), indicator.getDirection(), latest);
        return new InitiativeDetail.Indicator(indicator.getIndicatorId(), indicator.getName(), indicator.isDefined(), indicator.getUnit(),
                indicator.getBaseline(), indicator.getTarget(), indicator.getDirection(), points, latest,
                progress == null ? null : progress.fraction(), progress == null ? null : progress.met(), lived);
    }

    private static InitiativeDetail.Point point(ReadingView reading) {
        return new InitiativeDetail.Point(reading.getObservedOn(), reading.getReportedOn(), reading.getValue(), reading.isLivedExperience(),
                reading.getReportId());
    }

    private InitiativeDetail.Assets assets(String initiativeId) {
        List<MobilisationView> given = mobilisations.findByInitiativeIdOrderByGivenOnAscId(initiativeId);
        Set<String> fulfilled = given.stream().filter(g -> g.getPledgeId() != null).map(MobilisationView::getPledgeId).collect(Collectors.toSet());
        List<InitiativeDetail.Pledged> pledged = contributions.findByInitiativeIdOrderById(initiativeId).stream()
                .map(c -> {
                    PublicNames.Shown by = names.citizen(c.getParticipantId());
                    return new InitiativeDetail.Pledged(c.getPledgeId(), by.id(), by.name(), c.getKind(), c.getDescription(),
                            c.getHoursPerMonth(), c.isReleased(), fulfilled.contains(c.getPledgeId()));
                })
                .toList();
        List<InitiativeDetail.Pledged> expected = pledged.stream().filter(p -> !p.released()).toList();
        return new InitiativeDetail.Assets(pledged,
                given.stream().map(g -> {
                    PublicNames.Shown recorder = names.actor(g.getRecordedBy(), g.getRecordedAs());
                    PublicNames.Shown giver = g.getParticipantId() == null ? new PublicNames.Shown(null, g.getPublicName())
                            : g.getParticipantId().equals(g.getRecordedBy()) && g.getRecordedAs() != null && g.getRecordedAs().publicOffice()
                            ? new PublicNames.Shown(g.getParticipantId(), g.getPublicName()) : names.citizen(g.getParticipantId());
                    return new InitiativeDetail.Given(g.getMobilisationId(), g.getPledgeId(), giver.id(), giver.name(), g.getKind(),
                            g.getDescription(), g.getHours(), g.getGivenOn(), recorder.id(), g.getRecordedAs());
                }).toList(),
                expected.size(), (int) expected.stream().filter(InitiativeDetail.Pledged::fulfilled).count(),
                expected.stream().map(InitiativeDetail.Pledged::hoursPerMonth).filter(h -> h != null).mapToInt(Integer::intValue).sum(),
                hours(given));
    }

    private static BigDecimal hours(Collection<MobilisationView> given) {
        return given.stream().map(MobilisationView::getHours).filter(h -> h != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<LocalDate> reviewDates(String dates) {
        return dates == null || dates.isBlank() ? List.of() : Arrays.stream(dates.split(",")).map(LocalDate::parse).toList();
    }

    static Money funding(InitiativeView view) {
        return view.getFundingAmount() == null ? null : new Money(view.getFundingAmount(), view.getFundingCurrency());
    }

    private static String normalised(String serviceArea) {
        return serviceArea.strip().toLowerCase(Locale.ROOT);
    }
}
