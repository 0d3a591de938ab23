package io.indobase.realtime.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SoakPlotTest {

    @Test
    void drawsOnePanelAndOneLinePerSeriesAsWellFormedSvg() throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int t = 0; t <= 600; t += 10) {
            samples.add(new Sample(t, 900 * 1024 + t, 500 * 1024 - t, 19_300 + t % 7, 120));
        }
        String svg = SoakPlot.svg("Soak <19k> & churn", samples, Flatness.all(samples, 600), 600);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(4, doc.getElementsByTagName("polyline").getLength());
        String points = doc.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("points").getNodeValue();
        assertEquals(samples.size(), points.split(" ").length, "a point per sample");
        assertTrue(svg.contains("threads (threads): first minute 120"), svg);
        assertTrue(svg.contains(">10<"), "a tick per minute");
    }
}
