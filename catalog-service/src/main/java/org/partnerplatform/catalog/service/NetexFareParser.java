package org.partnerplatform.catalog.service;

import java.io.ByteArrayInputStream;
import java.lang.ref.SoftReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;

import org.partnerplatform.events.Amounts;
import org.partnerplatform.web.ProblemException;
import org.rutebanken.netex.model.AlternativeText;
import org.rutebanken.netex.model.Cell;
import org.rutebanken.netex.model.Common_VersionFrameStructure;
import org.rutebanken.netex.model.CompositeFrame;
import org.rutebanken.netex.model.DistributionAssignment;
import org.rutebanken.netex.model.FareFrame;
import org.rutebanken.netex.model.FarePrice_VersionedChildStructure;
import org.rutebanken.netex.model.FareProduct_VersionStructure;
import org.rutebanken.netex.model.FareTable;
import org.rutebanken.netex.model.GenericParameterAssignments_RelStructure;
import org.rutebanken.netex.model.MultilingualString;
import org.rutebanken.netex.model.PriceableObjectRefStructure;
import org.rutebanken.netex.model.PriceableObject_VersionStructure;
import org.rutebanken.netex.model.PublicationDeliveryStructure;
import org.rutebanken.netex.model.SalesOfferPackage;
import org.rutebanken.netex.model.SalesOfferPackageElement;
import org.rutebanken.netex.model.UsageValidityPeriod;
import org.rutebanken.netex.model.UserProfile;
import org.rutebanken.netex.model.ValidBetween;

/**
 * Reads the fare part of a NeTEx PublicationDelivery, as the hub publishes it, with the hub's own JAXB model of the
 * schema (org.entur:netex-java-model). What it takes, from every FareFrame (at the top or inside CompositeFrames):
 * <ul>
 * <li>each SalesOfferPackage becomes a product with the package's id; its name is the package's Name (bokmål) and
 * its English AlternativeText for Name;</li>
 * <li>its prices come from FareTable cells: a cell prices the package when it (or its table's pricesFor) names the
 * package, or the PreassignedFareProduct of one of the package's elements; the cell's (or its table's
 * limitations') UserProfileRef gives the user profile, as the UserProfile's UserType (ADULT, CHILD, SENIOR,
 * STUDENT...) or else the last part of its id; amounts are VAT included, in NOK;</li>
 * <li>its distribution channels are the last part of each DistributionAssignment's DistributionChannelRef (WEB
 * for ENT:DistributionChannel:Web), or else its DistributionChannelType (AGENCY);</li>
 * <li>its validity is the package's ValidBetween, else its frame's, else the composite frame's;</li>
 * <li>its ticket validity is the StandardDuration of the UsageValidityPeriod that a GenericParameterAssignment limits
 * the package to (inline or by UsageValidityPeriodRef), else the one of its PreassignedFareProduct; none: absent, so
 * the catalog keeps what the product has (P1D for a new one).</li>
 * </ul>
 * The JAXB context of the whole NeTEx model takes about 4 s to build and holds about 80 MB, so it is built on the
 * first import and kept softly: the collector may drop it when memory runs short, and the next import rebuilds it.
 */
@ApplicationScoped
public class NetexFareParser {
    private static final int MAX_WARNINGS = 20;

    private volatile SoftReference<JAXBContext> context = new SoftReference<>(null);

    /** A sales package as read, before any of the catalog's rules are applied; {@code problems} say what could not be read. */
    public record SalesPackage(String id, String nameNb, String nameEn, List<PriceInput> prices, List<String> distributionChannels,
            LocalDate validFrom, LocalDate validTo, String ticketValidity, List<String> problems) {
    }

    public record FareData(List<SalesPackage> packages, List<String> warnings) {
    }

    /** Parses a document; one that is not XML, or not a NeTEx PublicationDelivery, answers 400. Blocking: a worker's job. */
    public FareData parse(byte[] xml) {
        List<String> warnings = new ArrayList<>();
        PublicationDeliveryStructure delivery;
        try {
            Unmarshaller unmarshaller = context().createUnmarshaller();
            // Lenient, as the hub's consumers are: an element this model does not know is reported, not fatal.
            unmarshaller.setEventHandler(event -> {
                if (warnings.size() < MAX_WARNINGS) {
                    String message = event.getMessage();
                    int cut = message.indexOf(". Expected elements are");
                    warnings.add(cut > 0 ? message.substring(0, cut) : message);
                }
                return true;
            });
            XMLStreamReader reader = secureInputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
            JAXBElement<PublicationDeliveryStructure> root = unmarshaller.unmarshal(reader, PublicationDeliveryStructure.class);
            if (!"PublicationDelivery".equals(root.getName().getLocalPart())) {
                throw invalid("the document is a " + root.getName().getLocalPart() + ", not a NeTEx PublicationDelivery");
            }
            delivery = root.getValue();
        } catch (JAXBException | XMLStreamException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw invalid("not a readable NeTEx PublicationDelivery: " + (cause.getMessage() == null ? cause : cause.getMessage()));
        }
        if (delivery.getDataObjects() == null) {
            throw invalid("the PublicationDelivery has no dataObjects");
        }
        List<Frame> frames = new ArrayList<>();
        for (JAXBElement<? extends Common_VersionFrameStructure> frame : delivery.getDataObjects().getCompositeFrameOrCommonFrame()) {
            collect(frame.getValue(), null, frames);
        }
        if (frames.isEmpty()) {
            throw invalid("the PublicationDelivery has no FareFrame");
        }
        return new FareData(read(frames), warnings);
    }

    /** A FareFrame with what it inherits from the composite frame around it. */
    private record Frame(FareFrame fare, Validity validity, String currency) {
    }

    private record Validity(LocalDate from, LocalDate to) {
    }

    private static void collect(Common_VersionFrameStructure frame, Frame outer, List<Frame> into) {
        Validity validity = validityOf(frame.getValidityConditions() == null ? List.of()
                : frame.getValidityConditions().getValidityConditionRefOrValidBetweenOrValidityCondition_());
        String currency = frame.getFrameDefaults() != null ? frame.getFrameDefaults().getDefaultCurrency() : null;
        Frame here = new Frame(frame instanceof FareFrame fare ? fare : null,
                validity != null ? validity : outer == null ? null : outer.validity(),
                currency != null ? currency : outer == null ? null : outer.currency());
        if (frame instanceof FareFrame) {
            into.add(here);
        } else if (frame instanceof CompositeFrame composite && composite.getFrames() != null) {
            for (JAXBElement<? extends Common_VersionFrameStructure> inner : composite.getFrames().getCommonFrame()) {
                collect(inner.getValue(), here, into);
            }
        }
    }

    private static List<SalesPackage> read(List<Frame> frames) {
        Map<String, String> profiles = new HashMap<>();
        List<PricedCell> cells = new ArrayList<>();
        List<Map.Entry<SalesOfferPackage, Frame>> packages = new ArrayList<>();
        Map<String, String> fareProductNames = new HashMap<>();
        Map<String, Duration> validityPeriods = new HashMap<>();
        Map<String, GenericParameterAssignments_RelStructure> fareProductAssignments = new HashMap<>();
        for (Frame frame : frames) {
            FareFrame fare = frame.fare();
            if (fare.getUsageParameters() != null) {
                for (JAXBElement<?> parameter : fare.getUsageParameters().getUsageParameter_()) {
                    if (parameter.getValue() instanceof UserProfile profile) {
                        profiles.put(profile.getId(), profile.getUserType() != null ? profile.getUserType().name() : lastPart(profile.getId()));
                    } else if (parameter.getValue() instanceof UsageValidityPeriod period && period.getStandardDuration() != null) {
                        validityPeriods.put(period.getId(), period.getStandardDuration());
                    }
                }
            }
            if (fare.getFareProducts() != null) {
                for (JAXBElement<?> product : fare.getFareProducts().getFareProduct_()) {
                    if (product.getValue() instanceof PriceableObject_VersionStructure named && text(named.getName()) != null) {
                        fareProductNames.put(named.getId(), text(named.getName()));
                    }
                    if (product.getValue() instanceof FareProduct_VersionStructure fareProduct && fareProduct.getValidityParameterAssignments() != null) {
                        fareProductAssignments.put(fareProduct.getId(), fareProduct.getValidityParameterAssignments());
                    }
                }
            }
            if (fare.getFareTables() != null) {
                for (JAXBElement<?> table : fare.getFareTables().getFareTable_()) {
                    if (table.getValue() instanceof FareTable fareTable) {
                        cellsOf(fareTable, List.of(), List.of(), frame.currency(), cells);
                    }
                }
            }
            if (fare.getSalesOfferPackages() != null) {
                fare.getSalesOfferPackages().getSalesOfferPackage().forEach(p -> packages.add(Map.entry(p, frame)));
            }
        }
        List<SalesPackage> result = new ArrayList<>();
        for (Map.Entry<SalesOfferPackage, Frame> entry : packages) {
            result.add(salesPackage(entry.getKey(), entry.getValue(), cells, profiles, fareProductNames,
                    new NetexUsageValidities(validityPeriods, fareProductAssignments)));
        }
        return result;
    }

    /** A price in a fare table cell, with every reference that says what it prices and for whom. */
    private record PricedCell(String cellId, BigDecimal amount, String currency, List<Ref> refs) {
    }

    private record Ref(String kind, String ref) {
    }

    /** The cells of a table and of the tables it includes; a table's pricesFor and limitations hold for its cells. */
    private static void cellsOf(FareTable table, List<Ref> inheritedFor, List<Ref> inheritedLimits, String currency, List<PricedCell> into) {
        List<Ref> pricesFor = new ArrayList<>(inheritedFor);
        if (table.getPricesFor() != null) {
            table.getPricesFor().getPriceableObjectRef().forEach(r -> pricesFor.add(ref(r)));
        }
        List<Ref> limits = new ArrayList<>(inheritedLimits);
        if (table.getLimitations() != null) {
            table.getLimitations().getUsageParameterRef().forEach(r -> limits.add(ref(r)));
        }
        if (table.getCells() != null) {
            for (JAXBElement<?> element : table.getCells().getCellOrCellInContextOrFarePrice_()) {
                if (element.getValue() instanceof Cell cell && cell.getFarePrice_() != null
                        && cell.getFarePrice_().getValue() instanceof FarePrice_VersionedChildStructure price && price.getAmount() != null) {
                    List<Ref> refs = new ArrayList<>();
                    cell.getPriceableObjectRef().forEach(r -> refs.add(ref(r)));
                    if (refs.stream().noneMatch(r -> !r.kind().equals("UserProfileRef"))) {
                        refs.addAll(pricesFor);
                    }
                    if (refs.stream().noneMatch(r -> r.kind().equals("UserProfileRef"))) {
                        refs.addAll(limits);
                    }
                    into.add(new PricedCell(cell.getId(), price.getAmount(), price.getCurrency() != null ? price.getCurrency() : currency, refs));
                }
            }
        }
        if (table.getIncludes() != null) {
            for (JAXBElement<?> included : table.getIncludes().getFareTableRefOrFareTable_()) {
                if (included.getValue() instanceof FareTable inner) {
                    cellsOf(inner, pricesFor, limits, currency, into);
                }
            }
        }
    }

    private static SalesPackage salesPackage(SalesOfferPackage offer, Frame frame, List<PricedCell> cells, Map<String, String> profiles,
            Map<String, String> fareProductNames, NetexUsageValidities usageValidities) {
        List<String> problems = new ArrayList<>();
        Set<String> fareProducts = new LinkedHashSet<>();
        if (offer.getSalesOfferPackageElements() != null) {
            for (Object element : offer.getSalesOfferPackageElements().getSalesOfferPackageElementRefOrSalesOfferPackageElement()) {
                if (element instanceof SalesOfferPackageElement e && e.getFareProductRef() != null) {
                    fareProducts.add(e.getFareProductRef().getValue().getRef());
                }
            }
        }
        Map<String, PriceInput> prices = new LinkedHashMap<>();
        for (PricedCell cell : cells) {
            boolean forThis = cell.refs().stream().anyMatch(r -> r.kind().equals("SalesOfferPackageRef") && offer.getId().equals(r.ref())
                    || r.kind().endsWith("FareProductRef") && fareProducts.contains(r.ref()));
            if (!forThis) {
                continue;
            }
            String profileRef = cell.refs().stream().filter(r -> r.kind().equals("UserProfileRef")).map(Ref::ref).findFirst().orElse(null);
            if (profileRef == null) {
                problems.add("cell " + cell.cellId() + " names no UserProfileRef");
                continue;
            }
            String profile = profiles.getOrDefault(profileRef, lastPart(profileRef));
            String currency = cell.currency() == null ? Amounts.CURRENCY : cell.currency();
            if (!Amounts.CURRENCY.equals(currency)) {
                problems.add("cell " + cell.cellId() + " is in " + currency + "; only NOK is sold here");
                continue;
            }
            String amount;
            try {
                amount = cell.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString();
            } catch (ArithmeticException e) {
                problems.add("cell " + cell.cellId() + " has an amount with more than two decimals: " + cell.amount());
                continue;
            }
            if (prices.putIfAbsent(profile, new PriceInput(profile, amount, Amounts.CURRENCY)) != null
                    && !prices.get(profile).amount().equals(amount)) {
                problems.add("two different prices for user profile " + profile);
            }
        }
        List<String> channels = new ArrayList<>();
        if (offer.getDistributionAssignments() != null) {
            for (Object assignment : offer.getDistributionAssignments().getDistributionAssignmentRefOrDistributionAssignmentOrGroupOfDistributionAssignmentsRef()) {
                if (assignment instanceof DistributionAssignment a) {
                    String channel = a.getDistributionChannelRef() != null ? lastPart(a.getDistributionChannelRef().getRef())
                            : a.getDistributionChannelType() != null ? a.getDistributionChannelType().name() : null;
                    if (channel != null && !channels.contains(channel)) {
                        channels.add(channel);
                    }
                }
            }
        }
        String nameNb = text(offer.getName());
        if (nameNb == null) {
            nameNb = fareProducts.stream().map(fareProductNames::get).filter(n -> n != null).findFirst().orElse(lastPart(offer.getId()));
        }
        String nameEn = null;
        if (offer.getAlternativeTexts() != null) {
            for (AlternativeText alternative : offer.getAlternativeTexts().getAlternativeText()) {
                if ("Name".equals(alternative.getAttributeName()) && alternative.getText() != null
                        && "en".equalsIgnoreCase(alternative.getText().getLang())) {
                    nameEn = text(alternative.getText());
                }
            }
        }
        Validity validity = validityOf(new ArrayList<>(offer.getValidBetween()));
        if (validity == null) {
            validity = frame.validity();
        }
        Duration ticketValidity = usageValidities.of(offer.getValidityParameterAssignments());
        for (String fareProduct : fareProducts) {
            if (ticketValidity == null) {
                ticketValidity = usageValidities.of(usageValidities.fareProducts().get(fareProduct));
            }
        }
        return new SalesPackage(offer.getId(), nameNb, nameEn, List.copyOf(prices.values()), channels,
                validity == null ? null : validity.from(), validity == null ? null : validity.to(), NetexUsageValidities.isoDuration(ticketValidity), problems);
    }

    /** The first ValidBetween among validity conditions, as calendar days. */
    private static Validity validityOf(List<Object> conditions) {
        for (Object condition : conditions) {
            Object value = condition instanceof JAXBElement<?> element ? element.getValue() : condition;
            if (value instanceof ValidBetween between) {
                return new Validity(day(between.getFromDate()), day(between.getToDate()));
            }
        }
        return null;
    }

    private static LocalDate day(LocalDateTime time) {
        return time == null ? null : time.toLocalDate();
    }

    private static Ref ref(JAXBElement<? extends PriceableObjectRefStructure> element) {
        return new Ref(element.getName().getLocalPart(), element.getValue().getRef());
    }

    private static String text(MultilingualString value) {
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue().trim();
    }

    /** ENT:DistributionChannel:Web -> WEB; VYG:UserProfile:Adult -> ADULT. */
    private static String lastPart(String id) {
        String last = id.substring(id.lastIndexOf(':') + 1);
        return last.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    private JAXBContext context() throws JAXBException {
        JAXBContext current = context.get();
        if (current == null) {
            synchronized (this) {
                current = context.get();
                if (current == null) {
                    current = JAXBContext.newInstance(PublicationDeliveryStructure.class);
                    context = new SoftReference<>(current);
                }
            }
        }
        return current;
    }

    /** No DTDs and no external entities: the document comes from outside. */
    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-netex", detail);
    }
}
