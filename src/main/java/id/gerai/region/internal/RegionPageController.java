package id.gerai.region.internal;

import id.gerai.platform.InvalidInput;
import id.gerai.region.Region;
import id.gerai.region.RegionLevel;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public region pages: a search that works as a plain GET form and, with htmx, updates its results
 * while typing; and a page per region with its place in the hierarchy and the regions below it.
 */
@Controller
@RequestMapping("/regions")
class RegionPageController {

    /** A page can show more than an autocomplete needs; people scroll. */
    static final int PAGE_LIMIT = 50;

    private final RegionService regions;

    RegionPageController(RegionService regions) {
        this.regions = regions;
    }

    /**
     * The whole page, or only its results when htmx asks ({@code HX-Request}) — except when htmx restores
     * a page from history after a cache miss ({@code HX-History-Restore-Request}), which needs the page.
     */
    @GetMapping
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String level,
                  @RequestHeader(name = "HX-Request", required = false) boolean htmx,
                  @RequestHeader(name = "HX-History-Restore-Request", required = false) boolean restore,
                  Model model, HttpServletResponse response) {
        // Caches must not answer a full-page request with a fragment or the other way round.
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        model.addAttribute("level", level == null ? "" : level.strip().toUpperCase(Locale.ROOT));
        model.addAttribute("levels", RegionLevel.values());
        Map<String, String> errors = Map.of();
        List<Region> results = List.of();
        try {
            SearchRequest request = SearchRequest.parse(text, level, null);
            // Nothing typed yet: offer the provinces, so the hierarchy can be browsed without searching.
            results = request.q().isEmpty() ? regions.provinces() : regions.search(request.q(), request.level(), PAGE_LIMIT);
        } catch (InvalidInput e) {
            errors = e.fields();
        }
        model.addAttribute("errors", errors);
        model.addAttribute("searched", !text.isEmpty());
        model.addAttribute("results", results);
        model.addAttribute("locations", text.isEmpty() ? Map.of() : regions.locations(results));
        boolean fragment = htmx && !restore;
        model.addAttribute("htmx", fragment);
        return fragment ? "region/search :: results" : "region/search";
    }

    @GetMapping("/{code}")
    String region(@PathVariable String code, Model model) {
        Region region = regions.find(code).orElseThrow(() -> RegionService.notFound(code));
        if (!region.code().equals(code)) {
            // One address per region: 3671 and " 36.71" lead to /regions/36.71.
            return "redirect:/regions/" + region.code();
        }
        List<Region> children = regions.children(region.code());
        model.addAttribute("region", region);
        model.addAttribute("ancestors", regions.ancestors(region.code()));
        model.addAttribute("children", children);
        model.addAttribute("childLevel", region.level() == RegionLevel.VILLAGE ? null
                : RegionLevel.values()[region.level().ordinal() + 1]);
        return "region/detail";
    }
}
