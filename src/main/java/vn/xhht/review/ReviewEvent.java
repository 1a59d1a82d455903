package vn.xhht.review;

import java.time.OffsetDateTime;

public record ReviewEvent(long id, String action, String actor, String comment, OffsetDateTime occurredAt) {
}
