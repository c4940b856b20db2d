package id.gerai.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceVersion;
import id.gerai.identity.Role;
import id.gerai.notification.NotificationQueries;
import id.gerai.notification.OutboxMessage;
import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.support.TestMailServer;
import java.time.Duration;
import id.gerai.tenancy.ServicePointKind;
import id.gerai.tenancy.TenancyApi;
import id.gerai.tenancy.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An application's whole life over the API: filing, attachments, the procedure, corrections, tracking, isolation. */
@GeraiIntegrationTest
class ApplicationFlowIT {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired CatalogApi catalog;
    @Autowired TenancyApi tenancy;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired NotificationQueries outbox;

    private record Setup(Tenant tenant, UUID agency, ServiceVersion service, String citizen, String verifier, String signer,
                         String manager) {
        String files() {
            return "/api/tenants/" + tenant.slug() + "/applications";
        }
    }

    private Setup setup() {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        ServiceVersion service = ApplicationSamples.publish(catalog, t, agency);
        return new Setup(t, agency, service, fixtures.citizen(),
                fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, agency, null),
                fixtures.staffWithRole(t, Role.PETUGAS_INSTANSI, agency, null),
                fixtures.staffWithRole(t, Role.PENGELOLA_MPP));
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(B r, String email) {
        return r.with(httpBasic(email, Fixtures.PASSWORD));
    }

    private JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private MockMultipartHttpServletRequestBuilder fileRequest(Setup s, Map<String, Object> data, boolean submit, String key, byte[] skl) {
        var r = multipart(s.files())
                .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(Map.of("service", s.service().serviceId().toString(), "data", data,
                                "submit", submit))));
        if (skl != null) {
            r.file(new MockMultipartFile("SKL", "surat-lahir.pdf", "application/pdf", skl));
        }
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        return as(r, s.citizen());
    }

    private JsonNode file(Setup s) throws Exception {
        return read(mvc.perform(fileRequest(s, ApplicationSamples.validData(), true, null, ApplicationSamples.pdf()))
                .andExpect(status().isCreated()));
    }

    private UUID activeTask(Setup s, String officer, String step) throws Exception {
        JsonNode inbox = read(mvc.perform(as(get("/api/tenants/" + s.tenant().slug() + "/tasks"), officer)).andExpect(status().isOk()));
        for (JsonNode item : inbox.get("items")) {
            if (item.get("step").asString().equals(stepName(step))) {
                return UUID.fromString(item.get("taskId").asString());
            }
        }
        throw new AssertionError("no task " + step + " in " + inbox);
    }

    private static String stepName(String code) {
        return code.equals("VERIFIKASI") ? "Verifikasi berkas" : "Penandatanganan";
    }

    private ResultActions decide(Setup s, String officer, UUID task, Map<String, Object> decision) throws Exception {
        String base = "/api/tenants/" + s.tenant().slug() + "/tasks/" + task;
        mvc.perform(as(post(base + "/claim"), officer)).andExpect(status().isOk());
        return mvc.perform(as(post(base + "/decision"), officer).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(decision)));
    }

    /** The document module's own e-mail when the issued document is ready (see DocumentIssuingIT), left out here. */
    private static final String DOCUMENT_MAIL = "Dokumen ";

    private List<OutboxMessage> mails(String to) {
        return outbox.recentTo(to, 100).stream().filter(m -> !m.subject().startsWith(DOCUMENT_MAIL)).toList();
    }

    @Test
    void aCitizenFilesOnlineAndTwoOfficersTakeItThroughTheProcedure() throws Exception {
        Setup s = setup();
        JsonNode filed = file(s);
        String tracking = filed.get("trackingNo").asString();
        assertThat(TrackingNumber.normalize(filed.get("trackingDisplay").asString())).isEqualTo(tracking);
        assertThat(filed.get("status").asString()).isEqualTo("IN_PROCESS");
        assertThat(filed.get("channel").asString()).isEqualTo("ONLINE");
        assertThat(filed.get("accessCode").asString()).matches("\\d{6}");
        assertThat(filed.get("applicantNik").asString()).contains("*");
        assertThat(filed.get("documents").get(0).get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(Instant.parse(filed.get("dueAt").asString())).isAfter(Instant.now());

        // the verifier sees it in the inbox; the manager (no task role) has an empty inbox
        UUID verify = activeTask(s, s.verifier(), "VERIFIKASI");
        JsonNode managerInbox = read(mvc.perform(as(get("/api/tenants/" + s.tenant().slug() + "/tasks"), s.manager())));
        assertThat(managerInbox.get("counts").get("total").asInt()).isZero();

        // a decision on an unclaimed task is refused
        mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/tasks/" + verify + "/decision"), s.verifier())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("task-not-claimed"));

        JsonNode afterVerify = read(decide(s, s.verifier(), verify, Map.of("decision", "APPROVE")).andExpect(status().isOk()));
        assertThat(afterVerify.get("status").asString()).isEqualTo("IN_PROCESS");

        // the signer cannot decide the verifier's claimed task, and takes the next step
        UUID sign = activeTask(s, s.signer(), "TTD");
        mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/tasks/" + sign + "/claim"), s.signer())).andExpect(status().isOk());
        mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/tasks/" + sign + "/claim"), s.verifier()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("task-claimed-by-other"));
        JsonNode done = read(mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/tasks/" + sign + "/decision"), s.signer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"APPROVE\"}")).andExpect(status().isOk()));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");

        // the citizen's view: every step done, who acted by role only, no internal data
        JsonNode mine = read(mvc.perform(as(get("/api/applications/" + tracking), s.citizen())).andExpect(status().isOk()));
        assertThat(mine.get("steps").findValuesAsString("state")).containsExactly("DONE", "DONE");
        assertThat(mine.get("history").findValuesAsString("action"))
                .containsExactly("CREATED", "SUBMITTED", "CLAIMED", "STAGE_COMPLETED", "CLAIMED", "COMPLETED");
        assertThat(mine.get("history").findValuesAsString("actorRole")).contains("WARGA", "PETUGAS_INSTANSI");
        assertThat(mine.get("tasks")).isEmpty();
        assertThat(mine.toString()).doesNotContain(s.verifier());

        // an e-mail for every change the citizen sees
        // (besides them the survey module's invitation, sent on completion)
        List<String> subjects = mails(s.citizen()).stream().map(OutboxMessage::subject)
                .filter(sub -> sub.startsWith("[Gerai] Permohonan")).toList();
        assertThat(subjects).hasSize(3).allMatch(sub -> sub.contains(filed.get("trackingDisplay").asString()));
        assertThat(mails(s.citizen()).stream().map(OutboxMessage::body).toList())
                .anyMatch(b -> b.contains("telah selesai dan disetujui"));
        // and a text message for each through the SMS/WhatsApp gateway channel (the citizen registered a phone)
        assertThat(outbox.recentTo("081234567890", 500).stream()
                .filter(m -> m.body().contains(filed.get("trackingDisplay").asString())).toList())
                .hasSize(3).allMatch(m -> m.channel().equals(OutboxMessage.GATEWAY));
        // and they reached the citizen's mailbox over SMTP
        // (the survey invitation and the document's e-mail arrive beside them, in any order)
        TestMailServer.awaitReceived(s.citizen(), 4, Duration.ofSeconds(20));
        List<String> delivered = TestMailServer.receivedBy(s.citizen()).stream()
                .map(TestMailServer::subject).filter(sub -> sub.startsWith("[Gerai] Permohonan")).toList();
        assertThat(delivered).hasSize(3).allMatch(sub -> sub.contains(filed.get("trackingDisplay").asString()));
        assertThat(delivered.getLast()).contains("Selesai");

        // state, history and audit written together
        UUID id = appId(tracking);
        int audits = TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from audit_record where entity_id = ? or entity_id in "
                + "(select id::text from application_task where application_id = ?)").params(id.toString(), id).query(Integer.class).single());
        assertThat(audits).isGreaterThanOrEqualTo(6);
    }

    private UUID appId(String tracking) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("select id from application where tracking_no = ?")
                .param(tracking).query(UUID.class).single());
    }

    @Test
    void retriesWithTheSameIdempotencyKeyMakeOneApplication() throws Exception {
        Setup s = setup();
        String key = UUID.randomUUID().toString();
        JsonNode first = read(mvc.perform(fileRequest(s, ApplicationSamples.validData(), true, key, ApplicationSamples.pdf()))
                .andExpect(status().isCreated()));
        JsonNode again = read(mvc.perform(fileRequest(s, ApplicationSamples.validData(), true, key, ApplicationSamples.pdf()))
                .andExpect(status().isCreated()));
        assertThat(again.get("trackingNo").asString()).isEqualTo(first.get("trackingNo").asString());
        JsonNode mine = read(mvc.perform(as(get("/api/applications"), s.citizen())).andExpect(status().isOk()));
        assertThat(mine).hasSize(1);

        // submitting an already submitted application changes nothing
        String tracking = first.get("trackingNo").asString();
        mvc.perform(as(post("/api/applications/" + tracking + "/submit"), s.citizen())).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROCESS"));
        int tasks = TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from application_task where application_id = ?")
                .param(appId(tracking)).query(Integer.class).single());
        assertThat(tasks).isEqualTo(1);
    }

    @Test
    void badFormDataAndMissingDocumentsAreNamedFieldByFieldAndNothingIsSubmitted() throws Exception {
        Setup s = setup();
        Map<String, Object> data = ApplicationSamples.validData();
        data.put("nikIbu", "1234");
        data.remove("namaAnak");
        mvc.perform(fileRequest(s, data, true, null, null).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors.nikIbu").exists())
                .andExpect(jsonPath("$.errors.namaAnak").exists())
                .andExpect(jsonPath("$.errors['documents.SKL']").value("This required document has not been uploaded."));
        // the draft is kept (nothing accepted is lost), still a draft
        JsonNode mine = read(mvc.perform(as(get("/api/applications"), s.citizen())));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aServiceWithNothingPublishedCannotBeFiledUnder() throws Exception {
        Setup s = setup();
        UUID draftOnly = catalog.create(s.tenant().id(), new CatalogApi.NewService(s.agency(),
                id.gerai.catalog.CatalogSamples.valid("SURAT_UJI_DRAF", "Surat Uji Draf"), null)).serviceId();
        mvc.perform(as(post(s.files()).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsBytes(
                        Map.of("service", draftOnly.toString(), "data", ApplicationSamples.validData()))), s.citizen()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("service-not-published"));
        assertThat(read(mvc.perform(as(get("/api/applications"), s.citizen())))).isEmpty();
    }

    @Test
    void aFileThatLiesAboutItsTypeIsRefused() throws Exception {
        Setup s = setup();
        var r = multipart(s.files())
                .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(Map.of("service", s.service().serviceId().toString(), "data", Map.of()))))
                .file(new MockMultipartFile("SKL", "surat.pdf", "application/pdf", ApplicationSamples.png()));
        mvc.perform(as(r, s.citizen()).header("Accept-Language", "id"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("blob.type-not-accepted"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("image/png")));
        // the files are checked before anything is written: no draft is left behind
        JsonNode mine = read(mvc.perform(as(get("/api/applications"), s.citizen())).andExpect(status().isOk()));
        assertThat(mine).isEmpty();
    }

    @Test
    void oneRequestFilesTheDraftItsDocumentAndTheSubmissionTogetherAndAKeptDraftIsCompletedByTheRetry() throws Exception {
        Setup s = setup();
        String key = UUID.randomUUID().toString();
        // without its document: refused, the draft and its data are kept
        mvc.perform(fileRequest(s, ApplicationSamples.validData(), true, key, null))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors['documents.SKL']").exists());
        JsonNode mine = read(mvc.perform(as(get("/api/applications"), s.citizen())).andExpect(status().isOk()));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("status").asString()).isEqualTo("DRAFT");
        String tracking = mine.get(0).get("trackingNo").asString();

        // the retry with the same key and the document completes that draft and submits it
        JsonNode filed = read(mvc.perform(fileRequest(s, ApplicationSamples.validData(), true, key, ApplicationSamples.pdf()))
                .andExpect(status().isCreated()));
        assertThat(filed.get("trackingNo").asString()).isEqualTo(tracking);
        assertThat(filed.get("status").asString()).isEqualTo("IN_PROCESS");
        assertThat(read(mvc.perform(as(get("/api/applications"), s.citizen())))).hasSize(1);
        UUID id = appId(tracking);
        List<String> documents = TenantContext.callAcrossTenants(() -> jdbc.sql(
                "select code || ' ' || content_type from application_document where application_id = ?").param(id).query(String.class).list());
        assertThat(documents).containsExactly("SKL application/pdf");
        // each change has its audit record
        List<String> actions = TenantContext.callAcrossTenants(() -> jdbc.sql(
                "select action from audit_record where entity_id = ? order by id").param(id.toString()).query(String.class).list());
        assertThat(actions).containsExactly("application.created", "application.document.attached", "application.submitted");

        // a fresh filing with its document is one request: submitted with the document, its tasks open
        JsonNode second = file(s);
        assertThat(second.get("status").asString()).isEqualTo("IN_PROCESS");
        // the answer (read in the filing's transaction) is the application exactly as it is read afterwards
        assertThat(second.get("documents")).hasSize(1);
        assertThat(second.get("history")).hasSize(2);
        assertThat(second.get("history").get(0).get("action").asString()).isEqualTo("CREATED");
        assertThat(second.get("history").get(0).get("status").asString()).isEqualTo("DRAFT");
        assertThat(second.get("history").get(1).get("action").asString()).isEqualTo("SUBMITTED");
        assertThat(second.get("lockVersion").asInt()).isEqualTo(filed.get("lockVersion").asInt()).isEqualTo(1);
        assertThat(second.get("submittedAt").asString()).isNotBlank();
        assertThat(second.get("dueAt").asString()).isNotBlank();
        assertThat(second).isEqualTo(read(mvc.perform(as(get("/api/applications/" + second.get("trackingNo").asString()), s.citizen()))
                .andExpect(status().isOk())));
        assertThat(filed).isEqualTo(read(mvc.perform(as(get("/api/applications/" + tracking), s.citizen())).andExpect(status().isOk())));
        UUID secondId = appId(second.get("trackingNo").asString());
        int tasks = TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from application_task where application_id = ?")
                .param(secondId).query(Integer.class).single());
        assertThat(tasks).isEqualTo(1);
        List<String> secondActions = TenantContext.callAcrossTenants(() -> jdbc.sql(
                "select action from audit_record where entity_id = ? order by id").param(secondId.toString()).query(String.class).list());
        assertThat(secondActions).containsExactly("application.created", "application.document.attached", "application.submitted");
    }

    @Test
    void oneRequestAttachesSeveralDocumentsAndARetryReplacesThemWithTheirAuditRecords() throws Exception {
        Tenant t = fixtures.newTenant();
        UUID agency = fixtures.newAgency(t, "DUKCAPIL");
        // the sample design with a second, optional document (KK)
        ServiceVersion service = ApplicationSamples.publish(catalog, t, agency, id.gerai.catalog.CatalogSamples.with(
                id.gerai.catalog.CatalogSamples.valid("AKTA2", "Akta dua berkas"), b -> {
                    b.documents = List.of(b.documents.getFirst(), new id.gerai.catalog.ServiceDesign.RequiredDocument("KK",
                            "Kartu keluarga", "Family card", false, List.of("application/pdf", "image/jpeg", "image/png"), 2048));
                    return b;
                }));
        String citizen = fixtures.citizen();
        String key = UUID.randomUUID().toString();
        java.util.function.BiFunction<byte[], byte[], MockMultipartHttpServletRequestBuilder> request = (skl, kk) -> {
            var r = multipart("/api/tenants/" + t.slug() + "/applications")
                    .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                            json.writeValueAsBytes(Map.of("service", service.serviceId().toString(),
                                    "data", ApplicationSamples.validData(), "submit", false))))
                    .file(new MockMultipartFile("SKL", "surat-lahir.pdf", "application/pdf", skl))
                    .file(new MockMultipartFile("KK", "kk.png", "image/png", kk));
            r.header("Idempotency-Key", key);
            return as(r, citizen);
        };
        JsonNode draft = read(mvc.perform(request.apply(ApplicationSamples.pdf(), ApplicationSamples.png()))
                .andExpect(status().isCreated()));
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("documents")).extracting(d -> d.get("code").asString()).containsExactly("KK", "SKL");
        UUID id = appId(draft.get("trackingNo").asString());
        Map<String, String> first = documentHashes(id);
        assertThat(first).containsOnlyKeys("KK", "SKL");

        // the retry of the draft with other files replaces both, and says which file each replaced
        JsonNode again = read(mvc.perform(request.apply(ApplicationSamples.pdf2(), ApplicationSamples.jpeg()))
                .andExpect(status().isCreated()));
        assertThat(again.get("trackingNo").asString()).isEqualTo(draft.get("trackingNo").asString());
        Map<String, String> second = documentHashes(id);
        assertThat(second.get("SKL")).isNotEqualTo(first.get("SKL"));
        assertThat(second.get("KK")).isNotEqualTo(first.get("KK"));
        List<Map<String, Object>> audit = TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select action, after_data ->> 'code' as code, after_data ->> 'sha256' as sha, before_data ->> 'sha256' as old
                        from audit_record where entity_id = ? order by id""").param(id.toString()).query().listOfRows());
        assertThat(audit).extracting(r -> r.get("action") + " " + r.get("code")).containsExactly("application.created null",
                "application.document.attached SKL", "application.document.attached KK",
                "application.document.attached SKL", "application.document.attached KK");
        assertThat(audit.subList(1, 3)).extracting(r -> r.get("old")).containsOnlyNulls();
        assertThat(audit.get(3)).containsEntry("old", first.get("SKL")).containsEntry("sha", second.get("SKL"));
        assertThat(audit.get(4)).containsEntry("old", first.get("KK")).containsEntry("sha", second.get("KK"));

        // a fresh filing submitted at once with both files: its answer, made from what was written, lists them as a
        // later read does (by code, not in the order of the request)
        JsonNode submitted = read(mvc.perform(as(multipart("/api/tenants/" + t.slug() + "/applications")
                        .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                                json.writeValueAsBytes(Map.of("service", service.serviceId().toString(),
                                        "data", ApplicationSamples.validData(), "submit", true))))
                        .file(new MockMultipartFile("SKL", "surat-lahir.pdf", "application/pdf", ApplicationSamples.pdf()))
                        .file(new MockMultipartFile("KK", "kk.png", "image/png", ApplicationSamples.png())), citizen))
                .andExpect(status().isCreated()));
        assertThat(submitted.get("status").asString()).isEqualTo("IN_PROCESS");
        assertThat(submitted.get("documents")).extracting(d -> d.get("code").asString()).containsExactly("KK", "SKL");
        assertThat(submitted).isEqualTo(read(mvc.perform(as(get("/api/applications/" + submitted.get("trackingNo").asString()),
                citizen)).andExpect(status().isOk())));
    }

    private Map<String, String> documentHashes(UUID application) {
        Map<String, String> out = new java.util.TreeMap<>();
        TenantContext.callAcrossTenants(() -> jdbc.sql("select code, sha256 from application_document where application_id = ?")
                .param(application).query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list());
        return out;
    }

    @Test
    void aCorrectionPausesTheClockAndTheCitizenResubmits() throws Exception {
        Setup s = setup();
        JsonNode filed = file(s);
        String tracking = filed.get("trackingNo").asString();
        UUID verify = activeTask(s, s.verifier(), "VERIFIKASI");

        decide(s, s.verifier(), verify, Map.of("decision", "CORRECTION")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.reason").exists());
        JsonNode returned = read(mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/tasks/" + verify + "/decision"), s.verifier())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("decision", "CORRECTION",
                        "reason", "Nama anak tidak sesuai surat keterangan lahir", "fields", List.of("namaAnak"),
                        "documents", List.of("SKL"))))).andExpect(status().isOk()));
        assertThat(returned.get("status").asString()).isEqualTo("CORRECTION");
        assertThat(returned.get("correction").get("fields").get(0).asString()).isEqualTo("namaAnak");

        // the document must be uploaded again before resubmitting
        mvc.perform(as(post("/api/applications/" + tracking + "/submit"), s.citizen()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors['documents.SKL']").exists());
        Map<String, Object> data = ApplicationSamples.validData();
        data.put("namaAnak", "Putri Lestari Wulandari");
        int lock = read(mvc.perform(as(get("/api/applications/" + tracking), s.citizen()))).get("lockVersion").asInt();
        mvc.perform(as(put("/api/applications/" + tracking + "/data"), s.citizen()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("data", data, "lockVersion", lock - 1))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("application-stale"));
        mvc.perform(as(put("/api/applications/" + tracking + "/data"), s.citizen()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("data", data, "lockVersion", lock)))).andExpect(status().isOk());
        mvc.perform(as(multipart(HttpMethod.PUT, "/api/applications/" + tracking + "/documents/SKL")
                        .file(new MockMultipartFile("file", "skl-baru.jpg", "image/jpeg", ApplicationSamples.jpeg()))
                        , s.citizen()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.contentType").value("image/jpeg"));
        JsonNode resubmitted = read(mvc.perform(as(post("/api/applications/" + tracking + "/submit"), s.citizen())).andExpect(status().isOk()));
        assertThat(resubmitted.get("status").asString()).isEqualTo("IN_PROCESS");
        assertThat(resubmitted.get("data").get("namaAnak").asString()).isEqualTo("Putri Lestari Wulandari");
        assertThat(Instant.parse(resubmitted.get("dueAt").asString())).isAfterOrEqualTo(Instant.parse(filed.get("dueAt").asString()));

        // the verification step is open again
        UUID again = activeTask(s, s.verifier(), "VERIFIKASI");
        assertThat(again).isNotEqualTo(verify);
        assertThat(mails(s.citizen()).stream().map(OutboxMessage::body).toList())
                .anyMatch(b -> b.contains("Nama anak tidak sesuai surat keterangan lahir"));
    }

    @Test
    void rejectionNeedsAReasonAndWithdrawnApplicationsStop() throws Exception {
        Setup s = setup();
        JsonNode a = file(s);
        UUID verify = activeTask(s, s.verifier(), "VERIFIKASI");
        JsonNode rejected = read(decide(s, s.verifier(), verify, Map.of("decision", "REJECT", "reason", "Bukan kelahiran di wilayah ini"))
                .andExpect(status().isOk()));
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionReason").asString()).isEqualTo("Bukan kelahiran di wilayah ini");
        mvc.perform(as(post("/api/applications/" + a.get("trackingNo").asString() + "/withdraw"), s.citizen()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("application-not-open"));

        JsonNode b = file(s);
        String tracking = b.get("trackingNo").asString();
        JsonNode withdrawn = read(mvc.perform(as(post("/api/applications/" + tracking + "/withdraw"), s.citizen())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Salah pilih layanan\"}")).andExpect(status().isOk()));
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        JsonNode inbox = read(mvc.perform(as(get("/api/tenants/" + s.tenant().slug() + "/tasks"), s.verifier())));
        assertThat(inbox.get("counts").get("total").asInt()).isZero();
    }

    @Test
    void theStatusCheckNeedsTheAccessCodeAndSaysNothingPersonal() throws Exception {
        Setup s = setup();
        JsonNode filed = file(s);
        String display = filed.get("trackingDisplay").asString();
        String code = filed.get("accessCode").asString();
        String wrong = code.equals("000000") ? "111111" : "000000";
        mvc.perform(post("/api/status").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("trackingNo", display, "accessCode", wrong))))
                .andExpect(status().isNotFound());
        JsonNode ok = read(mvc.perform(post("/api/status").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("trackingNo", display.toLowerCase(), "accessCode", code))))
                .andExpect(status().isOk()));
        assertThat(ok.get("status").asString()).isEqualTo("IN_PROCESS");
        assertThat(ok.get("currentStep").asString()).isEqualTo("Verifikasi berkas");
        assertThat(ok.toString()).doesNotContain("Warga Uji").doesNotContain("Putri").doesNotContain("nik");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/status").contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("trackingNo", display, "accessCode", wrong))));
        }
        mvc.perform(post("/api/status").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("trackingNo", display, "accessCode", code))))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("status-check-throttled"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]{0,2}")));
    }

    @Test
    void anotherRegionsStaffAndOtherCitizensSeeAndChangeNothing() throws Exception {
        Setup s = setup();
        Setup other = setup();
        JsonNode filed = file(s);
        String tracking = filed.get("trackingNo").asString();
        UUID verify = activeTask(s, s.verifier(), "VERIFIKASI");
        mvc.perform(as(get("/api/applications/" + tracking), other.verifier())).andExpect(status().isNotFound());
        mvc.perform(as(get("/api/applications/" + tracking), other.citizen())).andExpect(status().isNotFound());
        mvc.perform(as(post("/api/applications/" + tracking + "/withdraw"), other.citizen())).andExpect(status().isNotFound());
        // the other region's officer names this task through their own region: it does not exist there
        mvc.perform(as(post("/api/tenants/" + other.tenant().slug() + "/tasks/" + verify + "/claim"), other.verifier()))
                .andExpect(status().isNotFound());
        // and through this region they hold no role
        mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/tasks/" + verify + "/claim"), other.verifier()))
                .andExpect(status().isForbidden());
        JsonNode inbox = read(mvc.perform(as(get("/api/tenants/" + other.tenant().slug() + "/tasks"), other.verifier())));
        assertThat(inbox.get("counts").get("total").asInt()).isZero();
        // a service of this region cannot be filed under the other region's address
        mvc.perform(as(post("/api/tenants/" + other.tenant().slug() + "/applications").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(Map.of("service", s.service().serviceId().toString(),
                                "data", ApplicationSamples.validData(), "submit", true))), other.citizen()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("catalog-service-not-found"));
    }

    @Test
    void aCounterOfficerFilesForAWalkInCitizenByNik() throws Exception {
        Setup s = setup();
        UUID point = tenancy.createServicePoint(s.tenant().id(), new TenancyApi.NewServicePoint("DESA01", "Kantor Desa Sukarasa",
                ServicePointKind.VILLAGE_OFFICE, "Jl. Desa 1", fixtures.villageOf(s.tenant()), 1));
        String officer = fixtures.staffWithRole(s.tenant(), Role.PETUGAS_LOKET, null, point);
        String nik = Fixtures.validNik();
        JsonNode filed = read(mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/counter/applications"), officer)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "service", s.service().serviceId().toString(), "nik", nik, "fullName", "Sumiati",
                        "data", ApplicationSamples.validData())))).andExpect(status().isCreated()));
        assertThat(filed.get("channel").asString()).isEqualTo("VILLAGE_OFFICE");
        assertThat(filed.get("servicePointId").asString()).isEqualTo(point.toString());
        assertThat(filed.get("applicantName").asString()).isEqualTo("Sumiati");
        String tracking = filed.get("trackingNo").asString();
        // the officer scans the paper and submits
        mvc.perform(as(multipart(HttpMethod.PUT, "/api/applications/" + tracking + "/documents/SKL")
                .file(new MockMultipartFile("file", "scan.pdf", "application/pdf", ApplicationSamples.pdf()))
                , officer)).andExpect(status().isOk());
        mvc.perform(as(post("/api/applications/" + tracking + "/submit"), officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROCESS"));
        // found again by NIK; a citizen is not a counter officer
        mvc.perform(as(get("/api/tenants/" + s.tenant().slug() + "/counter/applications").param("nik", nik), officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].trackingNo").value(tracking));
        mvc.perform(as(post("/api/tenants/" + s.tenant().slug() + "/counter/applications"), s.citizen())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "service", s.service().serviceId().toString(), "nik", nik, "fullName", "Sumiati"))))
                .andExpect(status().isForbidden());
    }
}
