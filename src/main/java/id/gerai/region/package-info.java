/** Provinces, kabupaten/kota, kecamatan and desa/kelurahan, imported from the official Kemendagri codes. */
package id.gerai.region;
