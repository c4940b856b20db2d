package id.gerai.region.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The JSON API and the pages. Security filters are off here: the module test does not load the
 * identity module's configuration, which is what makes these URLs public.
 */
@ApplicationModuleTest
@AutoConfigureMockMvc(addFilters = false)
class RegionWebTests {

    @Autowired MockMvc mvc;

    // --- API -----------------------------------------------------------------------------------------------

    @Test
    void apiSearchAnswersRegionsBestFirst() throws Exception {
        mvc.perform(get("/api/regions").param("q", "kota tangerang").param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].code").value("36.71"))
                .andExpect(jsonPath("$[0].name").value("Kota Tangerang"))
                .andExpect(jsonPath("$[0].level").value("REGENCY"))
                .andExpect(jsonPath("$[0].kind").value("KOTA"))
                .andExpect(jsonPath("$[0].parentCode").value("36"));
    }

    @Test
    void apiSearchByCodeAndLevel() throws Exception {
        mvc.perform(get("/api/regions").param("q", "3510").param("level", "district"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(20)))
                .andExpect(jsonPath("$[*].level", everyItem(is("DISTRICT"))))
                .andExpect(jsonPath("$[*].code", everyItem(startsWith("35.10."))));
    }

    @Test
    void apiSearchWithoutQueryIsEmpty() throws Exception {
        mvc.perform(get("/api/regions")).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void apiRejectsBadParametersAsProblems() throws Exception {
        mvc.perform(get("/api/regions").param("q", "x".repeat(101)).param("limit", "101").param("level", "planet"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation"))
                .andExpect(jsonPath("$.errors.q").exists())
                .andExpect(jsonPath("$.errors.limit").exists())
                .andExpect(jsonPath("$.errors.level").exists());
        mvc.perform(get("/api/regions").param("q", "tangerang").param("limit", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.limit").value("Jumlah hasil harus antara 1 dan 100."));
        mvc.perform(get("/api/regions").param("q", "tangerang").param("limit", "abc").param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.limit").value("The number of results must be between 1 and 100."));
    }

    @Test
    void apiRegionHasItsAncestorsAndChildCount() throws Exception {
        mvc.perform(get("/api/regions/{code}", "36.71.01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("36.71.01"))
                .andExpect(jsonPath("$.name").value("Tangerang"))
                .andExpect(jsonPath("$.kind").value("KECAMATAN"))
                .andExpect(jsonPath("$.ancestors[*].code").value(org.hamcrest.Matchers.contains("36", "36.71")))
                .andExpect(jsonPath("$.childCount").value(8));
        mvc.perform(get("/api/regions/{code}", "3671"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("36.71"));
    }

    @Test
    void apiUnknownRegionIsA404Problem() throws Exception {
        mvc.perform(get("/api/regions/{code}", "99.99"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("region-not-found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.type").value("https://gerai.id/problems/region-not-found"))
                .andExpect(jsonPath("$.detail").value("Wilayah dengan kode 99.99 tidak ditemukan."));
        mvc.perform(get("/api/regions/{code}/children", "12345"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("region-not-found"));
    }

    @Test
    void apiChildrenAndProvinces() throws Exception {
        mvc.perform(get("/api/regions/{code}/children", "36"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(8)))
                .andExpect(jsonPath("$[0].code").value("36.01"))
                .andExpect(jsonPath("$[*].parentCode", everyItem(is("36"))));
        mvc.perform(get("/api/regions/{code}/children", "36.71.01.1001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/regions/provinces"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(38)))
                .andExpect(jsonPath("$[0].code").value("11"))
                .andExpect(jsonPath("$[0].parentCode").doesNotExist());
    }

    @Test
    void openApiDescribesTheRegionEndpoints() throws Exception {
        mvc.perform(get("/api/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/regions'].get.summary").value("Search regions by name or code"))
                .andExpect(jsonPath("$.paths['/api/regions/{code}'].get.tags[0]").value("Regions"))
                .andExpect(jsonPath("$.paths['/api/regions/{code}/children'].get").exists())
                .andExpect(jsonPath("$.paths['/api/regions/provinces'].get").exists());
    }

    // --- Pages ---------------------------------------------------------------------------------------------

    @Test
    void searchPageWithoutQueryListsProvinces() throws Exception {
        mvc.perform(get("/regions"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 id=\"region-search-heading\">Wilayah Indonesia</h1>")))
                .andExpect(content().string(containsString("<label for=\"region-q\">Nama atau kode wilayah</label>")))
                .andExpect(content().string(containsString("href=\"/regions/36\"")))
                .andExpect(content().string(containsString("Daerah Istimewa Yogyakarta")));
    }

    @Test
    void searchPageRendersResultsWithoutJavaScript() throws Exception {
        mvc.perform(get("/regions").param("q", "kota tangerang"))
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", containsString("HX-Request")))
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("value=\"kota tangerang\"")))
                .andExpect(content().string(containsString("href=\"/regions/36.71\"")))
                .andExpect(content().string(containsString("<th scope=\"col\">Letak</th>")))
                .andExpect(content().string(containsString("<td>Banten</td>")))
                .andExpect(content().string(containsString("<p id=\"region-status\" role=\"status\">")))
                .andExpect(content().string(not(containsString("hx-swap-oob"))));
    }

    @Test
    void htmxGetsOnlyTheResults() throws Exception {
        mvc.perform(get("/regions").param("q", "banyuwang").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(not(containsString("<form"))))
                .andExpect(content().string(containsString("href=\"/regions/35.10\"")))
                .andExpect(content().string(containsString("Kabupaten Banyuwangi")))
                // The count goes to the status line outside the swapped part, the page's one live region.
                .andExpect(content().string(containsString("<p id=\"region-status\" hx-swap-oob=\"innerHTML\">")));
        // A history restore after a cache miss replaces the whole page, so it needs the whole page.
        mvc.perform(get("/regions").param("q", "banyuwang").header("HX-Request", "true")
                        .header("HX-History-Restore-Request", "true"))
                .andExpect(content().string(containsString("<html")));
    }

    @Test
    void searchPageShowsBadInputNextToTheForm() throws Exception {
        mvc.perform(get("/regions").param("q", "x".repeat(101)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(containsString("Teks pencarian paling banyak 100 karakter.")));
    }

    @Test
    void searchPageSpeaksEnglishWhenAsked() throws Exception {
        mvc.perform(get("/regions").param("q", "3671").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Regions of Indonesia")))
                .andExpect(content().string(containsString("City (kota)")))
                .andExpect(content().string(not(containsString("Wilayah Indonesia"))));
    }

    @Test
    void regionPageShowsBreadcrumbKindAndChildren() throws Exception {
        mvc.perform(get("/regions/{code}", "36.71"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1 id=\"region-heading\">Kota Tangerang</h1>")))
                .andExpect(content().string(containsString("<dd>Kota</dd>")))
                .andExpect(content().string(containsString("<a href=\"/regions/36\">Banten</a>")))
                .andExpect(content().string(containsString("aria-current=\"page\"")))
                .andExpect(content().string(containsString("Kecamatan (13)")))
                .andExpect(content().string(containsString("href=\"/regions/36.71.01\"")));
        mvc.perform(get("/regions/{code}", "35.10.16.1001"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd>Kelurahan</dd>")))
                .andExpect(content().string(containsString("Desa dan kelurahan adalah tingkat wilayah terendah.")));
        mvc.perform(get("/regions/{code}", "35.10.01.2001"))
                .andExpect(content().string(containsString("<dd>Desa</dd>")));
    }

    @Test
    void regionPageRedirectsBareCodesToTheDottedAddress() throws Exception {
        mvc.perform(get("/regions/{code}", "3510")).andExpect(redirectedUrl("/regions/35.10"));
    }

    @Test
    void unknownRegionPageIsAFriendly404() throws Exception {
        mvc.perform(get("/regions/{code}", "99.99"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Wilayah dengan kode 99.99 tidak ditemukan.")));
    }
}
