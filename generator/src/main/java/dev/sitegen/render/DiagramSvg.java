package dev.sitegen.render;

import dev.sitegen.graph.Layout;

import java.util.List;
import java.util.Map;

/**
 * A roadmap drawing as inline SVG: readable without JS, themed by CSS ({@code currentColor} and classes), each node a
 * focusable link whose accessible name says title, stage and step.
 */
final class DiagramSvg {
    private DiagramSvg() {}

    /** An orthogonal polyline with its corners rounded, ending just short of the box so the arrow head shows. */
    static String path(List<Layout.Point> points) {
        StringBuilder d = new StringBuilder();
        int r = 8;
        for (int i = 0; i < points.size(); i++) {
            Layout.Point p = points.get(i);
            if (i == 0) {
                d.append('M').append(p.x()).append(',').append(p.y());
            } else if (i == points.size() - 1) {
                Layout.Point prev = points.get(i - 1);
                int dx = Integer.signum(p.x() - prev.x());
                int dy = Integer.signum(p.y() - prev.y());
                d.append(" L").append(p.x() - 2 * dx).append(',').append(p.y() - 2 * dy);
            } else {
                Layout.Point prev = points.get(i - 1);
                Layout.Point next = points.get(i + 1);
                int in = Math.min(r, (Math.abs(p.x() - prev.x()) + Math.abs(p.y() - prev.y())) / 2);
                int out = Math.min(r, (Math.abs(next.x() - p.x()) + Math.abs(next.y() - p.y())) / 2);
                int c = Math.min(in, out);
                int ax = p.x() - Integer.signum(p.x() - prev.x()) * c;
                int ay = p.y() - Integer.signum(p.y() - prev.y()) * c;
                int bx = p.x() + Integer.signum(next.x() - p.x()) * c;
                int by = p.y() + Integer.signum(next.y() - p.y()) * c;
                d.append(" L").append(ax).append(',').append(ay).append(" Q").append(p.x()).append(',').append(p.y())
                        .append(' ').append(bx).append(',').append(by);
            }
        }
        return d.toString();
    }

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
                    .append("\" height=\"").append(band.height()).append("\" rx=\"12\"/>");
            List<String> words = Layout.wrap(band.stage().title());
            svg.append("<text class=\"stage-label\" x=\"16\" y=\"").append(band.y() + 26).append("\">");
            for (int i = 0; i < words.size() && i < 3; i++) {
                svg.append("<tspan x=\"16\" dy=\"").append(i == 0 ? 0 : 18).append("\">").append(Html.escape(words.get(i))).append("</tspan>");
            }
            svg.append("</text></g>\n");
        }
        for (Layout.Frame f : d.frames()) {
            svg.append("<g class=\"group\" aria-hidden=\"true\"><rect class=\"group-frame\" x=\"").append(f.x()).append("\" y=\"").append(f.y())
                    .append("\" width=\"").append(f.width()).append("\" height=\"").append(f.height()).append("\" rx=\"10\"/>")
                    .append("<text class=\"group-label\" x=\"").append(f.x() + 10).append("\" y=\"").append(f.y() + 20).append("\">")
                    .append(Html.escape(f.group().title())).append("</text></g>\n");
        }
        svg.append("<g class=\"edges\" aria-hidden=\"true\">");
        for (Layout.Edge e : d.edges()) {
            svg.append("<path class=\"edge").append(e.optional() ? " optional" : "").append("\" data-from=\"").append(Html.escape(e.from()))
                    .append("\" data-to=\"").append(Html.escape(e.to())).append("\" d=\"").append(path(e.points()))
                    .append("\" marker-end=\"url(#arrow)\"/>");
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
        svg.append("<g class=\"legend\" aria-hidden=\"true\" transform=\"translate(").append(Layout.GUTTER).append(',').append(ly).append(")\">")
                .append("<path class=\"edge\" d=\"M0,8 H36\"/><text x=\"44\" y=\"12\">required before</text>")
                .append("<path class=\"edge optional\" d=\"M170,8 H206\"/><text x=\"214\" y=\"12\">optional</text>")
                .append("<rect class=\"group-frame\" x=\"300\" y=\"0\" width=\"36\" height=\"16\" rx=\"4\"/><text x=\"344\" y=\"12\">pick one of</text>")
                .append("</g>\n</svg>");
        return svg.toString();
    }
}
