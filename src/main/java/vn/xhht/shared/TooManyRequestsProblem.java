package vn.xhht.shared;

/** A client sent too much in a short time (public forms): answered with 429. */
public class TooManyRequestsProblem extends RuntimeException {
    public TooManyRequestsProblem() {
        super("too many requests");
    }
}
