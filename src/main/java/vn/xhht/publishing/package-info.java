/**
 * The public portal and publishing (issue 16, R39): the public home for residents (find a centre, this week's
 * activities, recognitions, establishments, what offices published), the public centre page with its printable
 * schedule board, the sitemap; and what offices publish for their area (news, stories of exemplary people and
 * models, corrections of violations) through draft → approval by the office's head → published → withdrawn.
 * API: {@link vn.xhht.publishing.Publishing}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public portal and publishing",
        allowedDependencies = {"audit::api", "centre::api", "document::api", "evaluation::api", "evidence::api", "orgunit::api", "oversight::api", "platform::api", "review::api", "shared"})
package vn.xhht.publishing;
