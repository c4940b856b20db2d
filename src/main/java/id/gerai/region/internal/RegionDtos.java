package id.gerai.region.internal;

import id.gerai.region.Region;
import id.gerai.region.RegionKind;
import id.gerai.region.RegionLevel;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What the region API answers; kept apart from {@link Region} so the JSON can evolve on its own. */
final class RegionDtos {

    private RegionDtos() {
    }

    @Schema(name = "Region", description = "A province, kabupaten/kota, kecamatan or desa/kelurahan")
    record RegionDto(
            @Schema(description = "Kemendagri code, dotted", example = "36.71") String code,
            @Schema(description = "Official name", example = "Kota Tangerang") String name,
            @Schema(description = "Level in the hierarchy", example = "REGENCY") RegionLevel level,
            @Schema(description = "What the code says the region is", example = "KOTA") RegionKind kind,
            @Schema(description = "Code one level up; null for a province", example = "36") String parentCode) {

        static RegionDto of(Region r) {
            return new RegionDto(r.code(), r.name(), r.level(), r.kind(), r.parentCode());
        }

        static List<RegionDto> of(List<Region> regions) {
            return regions.stream().map(RegionDto::of).toList();
        }
    }

    @Schema(name = "RegionDetail", description = "A region with the regions above it and how many are below it")
    record RegionDetailDto(
            @Schema(example = "36.71") String code,
            @Schema(example = "Kota Tangerang") String name,
            @Schema(example = "REGENCY") RegionLevel level,
            @Schema(example = "KOTA") RegionKind kind,
            @Schema(example = "36") String parentCode,
            @Schema(description = "The regions above, province first") List<RegionDto> ancestors,
            @Schema(description = "How many regions are one level below", example = "13") int childCount) {

        static RegionDetailDto of(Region r, List<Region> ancestors, int childCount) {
            return new RegionDetailDto(r.code(), r.name(), r.level(), r.kind(), r.parentCode(), RegionDto.of(ancestors), childCount);
        }
    }
}
