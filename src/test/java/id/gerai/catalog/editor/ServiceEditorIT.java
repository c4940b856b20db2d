package id.gerai.catalog.editor;

import id.gerai.catalog.CatalogApi;
import id.gerai.catalog.ServiceStatus;
import id.gerai.catalog.ServiceSummary;
import id.gerai.catalog.StandardComponent;
import id.gerai.catalog.VersionStatus;
import id.gerai.catalog.Widget;
import id.gerai.identity.Role;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An agency admin builds a service in the no-code editor, without writing JSON, and publishes it. */
@GeraiIntegrationTest
class ServiceEditorIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CatalogApi catalog;

    @Test
    void anAdminBuildsChecksAndPublishesAServiceWithoutWritingJson() throws Exception {
        Tenant tenant = fixtures.newTenant();
        UUID agency = fixtures.newAgency(tenant, "DUKCAPIL");
        Cookie manager = login(fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP));
        String base = "/manage/" + tenant.slug() + "/services";

        String location = mvc.perform(form(base, manager).param("agencyId", agency.toString())
                        .param("name", "Surat Keterangan Pindah").param("kindCode", "surat pindah").param("category", "KEPENDUDUKAN"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String service = base + "/" + id;
        assertThat(catalog.service(tenant.id(), id)).get().extracting(ServiceSummary::kindCode).isEqualTo("SURAT_PINDAH");

        // a draft with nothing in it cannot be published, and the page says why
        mvc.perform(get(service).cookie(manager)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"problems\"")));

        mvc.perform(form(service + "/general", manager).param("name", "Surat Keterangan Pindah").param("summary", "Untuk warga yang pindah.")
                        .param("kindCode", "SURAT_PINDAH").param("category", "KEPENDUDUKAN").param("channels", "ONLINE", "MPP")
                        .param("lifeEvents", "PINDAH_DOMISILI").param("fee", "0").param("timeLimitDays", "5"))
                .andExpect(flash().attribute("saved", "editor.saved.general"));
        var standard = form(service + "/standard", manager);
        for (StandardComponent c : StandardComponent.values()) {
            standard.param("std_" + c.name(), "Isi komponen " + c.name());
        }
        mvc.perform(standard).andExpect(flash().attribute("saved", "editor.saved.standard"));

        mvc.perform(form(service + "/fields", manager).param("name", "namaLengkap").param("widget", "TEXT").param("required", "true")
                .param("labelId", "Nama lengkap").param("labelEn", "Full name")).andExpect(flash().attribute("saved", "editor.saved.fields"));
        mvc.perform(form(service + "/fields", manager).param("name", "nik").param("widget", "NIK").param("required", "true")
                .param("labelId", "NIK")).andExpect(flash().attribute("saved", "editor.saved.fields"));
        mvc.perform(form(service + "/fields", manager).param("name", "alasan").param("widget", "SELECT").param("required", "true")
                .param("labelId", "Alasan pindah").param("options", "KERJA|Pekerjaan|Work\nKELUARGA|Keluarga|Family"))
                .andExpect(flash().attribute("saved", "editor.saved.fields"));
        // a bad field name is refused with a message, nothing saved
        mvc.perform(form(service + "/fields", manager).param("name", "Nama Salah").param("widget", "TEXT").param("labelId", "x"))
                .andExpect(flash().attribute("errors", java.util.Map.of("fieldName", "editor.field.name")));
        mvc.perform(form(service + "/fields/alasan/up", manager)).andExpect(status().is3xxRedirection());

        mvc.perform(form(service + "/documents", manager).param("code", "KK").param("name", "Kartu Keluarga").param("mandatory", "true")
                .param("types", "application/pdf", "image/jpeg").param("maxSizeKb", "2048")).andExpect(flash().attribute("saved", "editor.saved.documents"));
        mvc.perform(form(service + "/documents", manager).param("code", "KTP").param("name", "KTP-el").param("mandatory", "true")
                .param("types", "image/jpeg").param("maxSizeKb", "1024")).andExpect(flash().attribute("saved", "editor.saved.documents"));

        mvc.perform(form(service + "/steps", manager).param("code", "VERIFIKASI").param("name", "Verifikasi berkas")
                .param("role", "PETUGAS_INSTANSI").param("days", "2").param("actions", "APPROVE", "CORRECTION", "REJECT"))
                .andExpect(flash().attribute("saved", "editor.saved.steps"));
        mvc.perform(form(service + "/steps", manager).param("code", "PENETAPAN").param("name", "Penetapan")
                .param("role", "ADMIN_INSTANSI").param("days", "3").param("actions", "APPROVE", "REJECT").param("finalApproval", "true"))
                .andExpect(flash().attribute("saved", "editor.saved.steps"));
        mvc.perform(form(service + "/output", manager).param("title", "Surat Keterangan Pindah")
                .param("template", "Menerangkan bahwa {{namaLengkap}} (NIK {{nik}}) pindah karena {{alasan}}."))
                .andExpect(flash().attribute("saved", "editor.saved.output"));

        var draft = catalog.draft(tenant.id(), id).orElseThrow();
        assertThat(draft.design().form().order()).containsExactly("namaLengkap", "alasan", "nik");
        assertThat(draft.design().form().ui().get("nik").widget()).isEqualTo(Widget.NIK);
        assertThat(draft.design().documents()).hasSize(2);
        assertThat(draft.design().procedure().steps()).hasSize(2);
        assertThat(catalog.check(tenant.id(), draft.design())).isEmpty();

        mvc.perform(get(service + "/preview").cookie(manager)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Alasan pindah"))).andExpect(content().string(containsString("Keluarga")));

        mvc.perform(form(service + "/publish", manager).param("version", String.valueOf(draft.version())))
                .andExpect(flash().attribute("saved", "editor.saved.published"));
        assertThat(catalog.service(tenant.id(), id).orElseThrow().status()).isEqualTo(ServiceStatus.PUBLISHED);
        assertThat(catalog.current(tenant.id(), id).orElseThrow().status()).isEqualTo(VersionStatus.PUBLISHED);

        // a published version is read-only; editing starts a new draft
        mvc.perform(get(service).cookie(manager)).andExpect(content().string(containsString("Buat draf baru dari versi ini")));
        mvc.perform(form(service + "/new-draft", manager)).andExpect(flash().attribute("saved", "editor.saved.new-draft"));
        assertThat(catalog.draft(tenant.id(), id).orElseThrow().version()).isEqualTo(draft.version() + 1);
    }

    @Test
    void anAgencyAdminCannotEditAnotherAgencysServicesNorAnotherTenant() throws Exception {
        Tenant tenant = fixtures.newTenant();
        Tenant other = fixtures.newTenant();
        UUID agency = fixtures.newAgency(tenant, "DUKCAPIL");
        Cookie counterOfficer = login(fixtures.staffWithRole(tenant, Role.PETUGAS_LOKET));
        mvc.perform(get("/manage/" + tenant.slug() + "/services").cookie(counterOfficer)).andExpect(status().isForbidden());
        Cookie manager = login(fixtures.staffWithRole(tenant, Role.PENGELOLA_MPP));
        mvc.perform(get("/manage/" + other.slug() + "/services").cookie(manager)).andExpect(status().isForbidden());
        mvc.perform(form("/manage/" + other.slug() + "/services", manager).param("agencyId", agency.toString())
                .param("name", "Susupan").param("kindCode", "SUSUPAN")).andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder form(String path, Cookie session) {
        return post(path).cookie(session).with(csrf());
    }

    private Cookie login(String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("login", email).param("password", Fixtures.PASSWORD))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("GERAI_SESSION");
    }
}
