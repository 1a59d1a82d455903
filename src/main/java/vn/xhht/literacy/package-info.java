/**
 * Literacy and universal education (xóa mù chữ, phổ cập giáo dục; R17–R22): the household register with
 * streaming all-or-nothing imports, indicators and standards computed by the database over any unit's subtree,
 * recognition decisions, literacy classes, lists and exports. Person-level data needs the literacy permission.
 * API: {@link vn.xhht.literacy.LiteracyIndicators}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Literacy and universal education",
        allowedDependencies = {"audit::api", "document::api", "orgunit::api", "platform::api", "shared"})
package vn.xhht.literacy;
