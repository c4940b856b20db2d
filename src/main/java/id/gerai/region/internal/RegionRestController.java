package id.gerai.region.internal;

import id.gerai.region.Region;
import id.gerai.region.internal.RegionDtos.RegionDetailDto;
import id.gerai.region.internal.RegionDtos.RegionDto;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public, read-only JSON access to the region codes, e.g. for address pickers and other systems. */
@RestController
@RequestMapping(path = "/api/regions", produces = "application/json")
@Tag(name = "Regions", description = "Kemendagri region codes: provinces, kabupaten/kota, kecamatan, desa/kelurahan")
class RegionRestController {

    private final RegionService regions;

    RegionRestController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping
    @Operation(summary = "Search regions by name or code",
            description = "Digits and dots search by code prefix (35.10 or 3510). Anything else searches names, "
                    + "tolerating typos and unfinished words; kab, kota, kec, desa, kel next to a name prefer that kind. "
                    + "Exact names first, then prefixes, then similar names; higher levels first among equals.")
    @ApiResponse(responseCode = "200", description = "Matching regions, best first; empty when q is blank")
    @ApiResponse(responseCode = "422", description = "q longer than 100 characters, unknown level or limit outside 1-100",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    List<RegionDto> search(
            @Parameter(description = "Name or code, at most 100 characters", example = "kota tangerang")
            @RequestParam(required = false) String q,
            @Parameter(description = "Only this level", schema = @Schema(allowableValues = {"PROVINCE", "REGENCY", "DISTRICT", "VILLAGE"}))
            @RequestParam(required = false) String level,
            @Parameter(description = "At most this many results, 1 to 100", schema = @Schema(type = "integer", defaultValue = "20"))
            @RequestParam(required = false) String limit) {
        SearchRequest request = SearchRequest.parse(q, level, limit);
        return RegionDto.of(regions.search(request.q(), request.level(), request.limit()));
    }

    @GetMapping("/provinces")
    @Operation(summary = "List the provinces", description = "All provinces, ordered by code")
    List<RegionDto> provinces() {
        return RegionDto.of(regions.provinces());
    }

    @GetMapping("/{code}")
    @Operation(summary = "Get one region with the regions above it",
            description = "The code may be dotted (36.71) or bare digits (3671)")
    @ApiResponse(responseCode = "200", description = "The region")
    @ApiResponse(responseCode = "404", description = "No current region has this code (code region-not-found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    RegionDetailDto region(@Parameter(description = "Region code", example = "36.71") @PathVariable String code) {
        Region region = require(code);
        return RegionDetailDto.of(region, regions.ancestors(region.code()), regions.countChildren(region.code()));
    }

    @GetMapping("/{code}/children")
    @Operation(summary = "List the regions one level below", description = "Ordered by code; empty for a desa/kelurahan")
    @ApiResponse(responseCode = "200", description = "The regions below")
    @ApiResponse(responseCode = "404", description = "No current region has this code (code region-not-found)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    List<RegionDto> children(@Parameter(description = "Region code", example = "36.71") @PathVariable String code) {
        return RegionDto.of(regions.children(require(code).code()));
    }

    private Region require(String code) {
        return regions.find(code).orElseThrow(() -> RegionService.notFound(code));
    }
}
