package id.gerai.complaint.internal;

/** What a report is: aspirasi (a suggestion), pengaduan (a complaint) or permintaan informasi (an information request). */
public enum ComplaintKind {
    ASPIRASI, PENGADUAN, INFORMASI;

    static ComplaintKind parse(String value) {
        if (value == null) {
            return null;
        }
        for (ComplaintKind k : values()) {
            if (k.name().equalsIgnoreCase(value.strip())) {
                return k;
            }
        }
        return null;
    }
}
