package vn.xhht.literacy;

/**
 * One group of the register's single aggregation pass: people of one age, sex, ethnicity and priority group with
 * the same literacy level and schooling facts (upperSecondary: completed grade 12) (and, for per-commune views, the same commune).
 */
record Cell(long communeId, int age, String sex, String ethnicity, String priority, int level, boolean reilliterate,
            boolean primary, boolean lsec, int currentGrade, boolean upperSecondary, long n) {

    boolean upperStudying() {
        return currentGrade >= 10;
    }
}
