package dev.sitegen.render;

import dev.sitegen.graph.Layout;

import java.util.Map;

/**
 * A roadmap drawing as inline SVG: readable without JS, themed by CSS ({@code currentColor} and classes), each node a
 * focusable link whose accessible name says title, stage and step.
 */
final class DiagramSvg {
    private DiagramSvg() {}

    /** {@code urls} maps node ids to their topic page links. */
    static String of(String roadmapTitle, Layout.Drawing d, Map<String, String> urls, int stepCount) {
        StringBuilder svg = new StringBuilder(8192);
        int legendHeight = 40;
        int height = d.height() + legendHeight;
        svg.append("<svg class=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(d.width()).append(' ').append(height)
                .append("\" width=\"").append(d.width()).append("\" height=\"").append(height)
                .append("\" role=\"group\" aria-label=\"").append(Html.escape(roadmapTitle + " roadmap diagram, " + stepCount + " topics")).append("\">\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"currentColor\"/></marker></defs>\n");
        for (Layout.Band band : d.bands()) {
            svg.append("<g class=\"stage\" id=\"diagram-stage-").append(Html.escape(band.stage().id())).append("\">")
                    .append("<rect class=\"stage-band\" x=\"4\" y=\"").append(band.y()).append("\" width=\"").append(d.width() - 8)
                    .append("\" height=\"").append(band.height()).append("\" rx=\"12\"/>")
                    .append("<text class=\"stage-label\" x=\"").append(Layout.MARGIN + 8).append("\" y=\"").append(band.y() + 28).append("\">")
                    .append(Html.escape(band.stage().title())).append("</text></g>\n");
        }
        for (Layout.Frame f : d.frames()) {
            svg.append("<g class=\"group\" aria-hidden=\"true\"><rect class=\"group-frame\" x=\"").append(f.x()).append("\" y=\"").append(f.y())
                    .append("\" width=\"").append(f.width()).append("\" height=\"").append(f.height()).append("\" rx=\"10\"/>")
                    .append("<text class=\"group-label\" x=\"").append(f.x() + 10).append("\" y=\"").append(f.y() + 15).append("\">")
                    .append(Html.escape(f.group().title())).append("</text></g>\n");
        }
        svg.append("<g class=\"edges\" aria-hidden=\"true\">");
        for (Layout.Edge e : d.edges()) {
            int dy = Math.max(24, Math.abs(e.y2() - e.y1()) / 2);
            svg.append("<path class=\"edge").append(e.optional() ? " optional" : "").append("\" data-from=\"").append(Html.escape(e.from()))
                    .append("\" data-to=\"").append(Html.escape(e.to())).append("\" d=\"M").append(e.x1()).append(',').append(e.y1())
                    .append(" C").append(e.x1()).append(',').append(e.y1() + dy).append(' ').append(e.x2()).append(',').append(e.y2() - dy)
                    .append(' ').append(e.x2()).append(',').append(e.y2() - 2).append("\" marker-end=\"url(#arrow)\"/>");
        }
        svg.append("</g>\n");
        for (Layout.Box b : d.boxes()) {
            var s = b.skill();
            String stageTitle = d.bands().stream().filter(x -> x.stage().id().equals(s.stage())).map(x -> x.stage().title()).findFirst().orElse("");
            String name = "Step " + b.step() + ": " + s.title() + " (" + stageTitle + (s.optional() ? ", optional" : "") + ")";
            svg.append("<a class=\"node").append(s.optional() ? " optional" : "").append("\" href=\"").append(Html.escape(urls.get(s.id())))
                    .append("\" data-node=\"").append(Html.escape(s.id())).append("\" aria-label=\"").append(Html.escape(name)).append("\">")
                    .append("<rect class=\"box\" x=\"").append(b.x()).append("\" y=\"").append(b.y()).append("\" width=\"").append(b.width())
                    .append("\" height=\"").append(b.height()).append("\" rx=\"8\"/>")
                    .append("<text class=\"step\" x=\"").append(b.x() + 10).append("\" y=\"").append(b.y() + 20).append("\">")
                    .append(b.step()).append("</text>")
                    .append("<text class=\"label\" x=\"").append(b.centerX()).append("\" y=\"").append(b.y() + 30).append("\" text-anchor=\"middle\">");
            for (int i = 0; i < b.lines().size(); i++) {
                svg.append("<tspan x=\"").append(b.centerX()).append("\" dy=\"").append(i == 0 ? 14 : Layout.LINE_HEIGHT).append("\">")
                        .append(Html.escape(b.lines().get(i))).append("</tspan>");
            }
            svg.append("</text></a>\n");
        }
        int ly = d.height() + 12;
        svg.append("<g class=\"legend\" aria-hidden=\"true\" transform=\"translate(").append(Layout.MARGIN).append(',').append(ly).append(")\">")
                .append("<path class=\"edge\" d=\"M0,8 H36\"/><text x=\"44\" y=\"12\">required before</text>")
                .append("<path class=\"edge optional\" d=\"M170,8 H206\"/><text x=\"214\" y=\"12\">optional</text>")
                .append("<rect class=\"group-frame\" x=\"300\" y=\"0\" width=\"36\" height=\"16\" rx=\"4\"/><text x=\"344\" y=\"12\">pick one of</text>")
                .append("</g>\n</svg>");
        return svg.toString();
    }
}
