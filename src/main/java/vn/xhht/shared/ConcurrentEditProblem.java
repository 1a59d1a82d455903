package vn.xhht.shared;

/** Someone else saved the record since this user opened it (optimistic locking): answered with 409. */
public class ConcurrentEditProblem extends RuntimeException {
    public ConcurrentEditProblem(String what) {
        super(what);
    }
}
