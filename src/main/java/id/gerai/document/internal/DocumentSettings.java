package id.gerai.document.internal;

import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.identity.GeraiUser;
import id.gerai.identity.NikValidator;
import id.gerai.identity.Role;
import id.gerai.identity.StaffAccounts;
import id.gerai.platform.GeraiException;
import id.gerai.platform.InvalidInput;
import id.gerai.platform.Masking;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import id.gerai.tenancy.Agency;
import id.gerai.tenancy.TenancyApi;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an agency admin sets for the agency's documents: the number format, the letterhead's address lines,
 * the place before the date, the default position printed above the official's name; and per signing official
 * their position and the NIK a remote signing service knows them by. Every change is audited (the NIK masked).
 */
@Component
class DocumentSettings {

    static final int LETTERHEAD_MAX = 300;
    static final int PLACE_MAX = 60;
    static final int POSITION_MAX = 120;

    private final DocumentRepository repo;
    private final TenancyApi tenancy;
    private final StaffAccounts staff;
    private final NikValidator nik;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final DocumentProperties properties;

    DocumentSettings(DocumentRepository repo, TenancyApi tenancy, StaffAccounts staff, NikValidator nik, AuditLog audit,
                     TransactionTemplate tx, DocumentProperties properties) {
        this.repo = repo;
        this.tenancy = tenancy;
        this.staff = staff;
        this.nik = nik;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
    }

    /** The agency's settings, the installation's default number format where it set none. */
    record AgencySettings(Agency agency, String numberFormat, String letterhead, String place, String defaultPosition,
                          boolean custom, String example) {
    }

    record SettingsInput(String numberFormat, String letterhead, String place, String defaultPosition) {
    }

    /** A staff member who may approve (and so sign) for the agency, with what is on record for them. */
    record SignatoryView(UUID accountId, String name, String email, Role role, String position, String maskedNik, boolean hasNik) {
    }

    /** The agencies whose settings the actor may change. */
    List<Agency> manageable(TenantId tenant, GeraiUser actor) {
        return TenantContext.call(tenant, () -> tenancy.agencies(tenant)).stream()
                .filter(a -> DocumentService.mayManage(tenant, a.id(), actor)).toList();
    }

    Agency agency(TenantId tenant, UUID agencyId, GeraiUser actor) {
        if (agencyId == null) {
            throw GeraiException.notFound("document-agency-not-found");
        }
        Agency agency = TenantContext.call(tenant, () -> tenancy.agencies(tenant)).stream()
                .filter(a -> a.id().equals(agencyId)).findFirst()
                .orElseThrow(() -> GeraiException.notFound("document-agency-not-found"));
        DocumentService.requireManage(tenant, agencyId, actor);
        return agency;
    }

    AgencySettings get(TenantId tenant, Agency agency) {
        return inTenant(tenant, () -> repo.settings(tenant, agency.id()))
                .map(s -> view(agency, s, true))
                .orElseGet(() -> view(agency, new DocumentRepository.Settings(properties.numberFormat(), null, null, null), false));
    }

    private static AgencySettings view(Agency agency, DocumentRepository.Settings s, boolean custom) {
        java.time.LocalDate today = java.time.LocalDate.now();
        String example = DocumentNumbers.problem(s.numberFormat()) == null
                ? DocumentNumbers.format(s.numberFormat(), 12, agency.code(), today.getYear(), today.getMonthValue()) : "";
        return new AgencySettings(agency, s.numberFormat(), s.letterhead(), s.place(), s.defaultPosition(), custom, example);
    }

    void save(TenantId tenant, UUID agencyId, SettingsInput in, GeraiUser actor) {
        Agency agency = agency(tenant, agencyId, actor);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String format = in.numberFormat() == null ? "" : in.numberFormat().strip();
        String formatProblem = DocumentNumbers.problem(format);
        if (formatProblem != null) {
            errors.add("numberFormat", formatProblem);
        }
        String letterhead = blankToNull(in.letterhead());
        if (letterhead != null && (letterhead.length() > LETTERHEAD_MAX || letterhead.lines().count() > 3)) {
            errors.add("letterhead", "document.settings.letterhead.too-long");
        }
        String place = blankToNull(in.place());
        if (place != null && place.length() > PLACE_MAX) {
            errors.add("place", "document.settings.place.too-long");
        }
        String position = blankToNull(in.defaultPosition());
        if (position != null && position.length() > POSITION_MAX) {
            errors.add("defaultPosition", "document.settings.position.too-long");
        }
        errors.throwIfAny();
        DocumentRepository.Settings after = new DocumentRepository.Settings(format, letterhead, place, position);
        inTenant(tenant, () -> {
            DocumentRepository.Settings before = repo.settings(tenant, agency.id()).orElse(null);
            repo.saveSettings(tenant, agency.id(), after, actor.auditActorId());
            audit.record(AuditEvent.of(tenant, "document.settings.changed", "agency", agency.id(),
                    before == null ? null : settingsMap(before), settingsMap(after)).byActor(actor.auditActorId()));
            return null;
        });
    }

    List<SignatoryView> signatories(TenantId tenant, Agency agency) {
        Map<UUID, DocumentRepository.Signatory> onRecord = new HashMap<>();
        inTenant(tenant, () -> repo.signatories(tenant)).forEach(s -> onRecord.put(s.accountId(), s));
        Map<UUID, SignatoryView> out = new LinkedHashMap<>();
        for (StaffAccounts.StaffMember m : staff.staffOf(tenant)) {
            boolean signs = (m.role() == Role.PETUGAS_INSTANSI || m.role() == Role.ADMIN_INSTANSI)
                    && (m.agencyId() == null || m.agencyId().equals(agency.id()));
            if (!signs || out.containsKey(m.accountId())) {
                continue;
            }
            DocumentRepository.Signatory s = onRecord.get(m.accountId());
            out.put(m.accountId(), new SignatoryView(m.accountId(), m.fullName(), m.email(), m.role(),
                    s == null ? null : s.position(), s == null || s.nik() == null ? null : Masking.nik(s.nik()),
                    s != null && s.nik() != null));
        }
        return List.copyOf(out.values());
    }

    /** Sets an official's position and NIK; a blank NIK keeps the one on record. */
    void saveSignatory(TenantId tenant, UUID agencyId, UUID accountId, String position, String nikInput, GeraiUser actor) {
        Agency agency = agency(tenant, agencyId, actor);
        if (signatories(tenant, agency).stream().noneMatch(s -> s.accountId().equals(accountId))) {
            throw GeraiException.notFound("document-signatory-not-found");
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String pos = blankToNull(position);
        if (pos != null && pos.length() > POSITION_MAX) {
            errors.add("position", "document.settings.position.too-long");
        }
        String newNik = nikInput == null ? null : nikInput.replaceAll("\\s", "");
        if (newNik != null && !newNik.isEmpty() && !nik.check(newNik).valid()) {
            errors.add("nik", "document.settings.nik.invalid");
        }
        errors.throwIfAny();
        inTenant(tenant, () -> {
            DocumentRepository.Signatory before = repo.signatory(tenant, accountId).orElse(null);
            String keptNik = newNik == null || newNik.isEmpty() ? (before == null ? null : before.nik()) : newNik;
            repo.saveSignatory(tenant, new DocumentRepository.Signatory(accountId, agency.id(), pos, keptNik));
            Map<String, Object> b = new HashMap<>();
            if (before != null) {
                b.put("position", Objects.toString(before.position(), ""));
                b.put("nik", before.nik() == null ? "" : Masking.nik(before.nik()));
            }
            audit.record(AuditEvent.of(tenant, "document.signatory.changed", "account", accountId, before == null ? null : b,
                    Map.of("agency", agency.id().toString(), "position", Objects.toString(pos, ""),
                            "nik", keptNik == null ? "" : Masking.nik(keptNik))).byActor(actor.auditActorId()));
            return null;
        });
    }

    private static Map<String, Object> settingsMap(DocumentRepository.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("numberFormat", s.numberFormat());
        m.put("letterhead", Objects.toString(s.letterhead(), ""));
        m.put("place", Objects.toString(s.place(), ""));
        m.put("defaultPosition", Objects.toString(s.defaultPosition(), ""));
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.call(tenant, () -> tx.execute(s -> work.get()));
    }
}
