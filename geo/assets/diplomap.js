/* diplomap: draws a network of diplomatic events on a Leaflet map from inline JSON data.
 *
 * Every piece of article text reaches the page through textContent (never innerHTML), so markup
 * in an article is shown as text. Links are made only for http(s) URLs.
 * The map exposes window.diplomapMaps (for tests and benchmarks) and sets
 * data-diplomap-ready="1" on the map container once everything is drawn.
 */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
  }

  var ARROW_AT = 0.62; // where along an arc its arrowhead sits

  window.diplomapInit = function (map, data, groups) {
    var timing = { start: performance.now() };
    var types = {};
    data.types.forEach(function (t) { types[t[0]] = { label: t[1], color: t[2] }; });
    var container = map.getContainer();
    container.classList.add("dm-map");

    // ---------------------------------------------------------------- basemap
    var basePane = map.createPane("dmBase");
    basePane.style.zIndex = 250;
    basePane.style.pointerEvents = "none";
    var active = {};
    data.nodes.forEach(function (n) { if (n.country) active[n.country] = true; });
    if (data.basemap) {
      L.geoJSON(data.basemap, {
        pane: "dmBase",
        renderer: L.canvas({ pane: "dmBase", padding: 0.2 }),
        interactive: false,
        style: function (f) {
          var on = active[f.properties.iso];
          return { color: "#a3aab3", weight: 0.6, fillColor: on ? "#efe4cc" : "#f7f5f0", fillOpacity: 1 };
        }
      }).addTo(map);
    }

    timing.basemap = performance.now();
    var canvas = L.canvas({ padding: 0.2, tolerance: 4 });

    // ---------------------------------------------------------------- popups
    function eventBlock(i) {
      var e = data.events[i];
      var actors = e.a || [], evidence = e.x || [];
      var box = el("div", "dm-ev");
      var head = el("div", "dm-ev-head");
      var sw = el("span", "dm-swatch");
      sw.style.background = (types[e.t] || {}).color || "#555";
      head.appendChild(sw);
      head.appendChild(el("b", null, e.d || "undated"));
      head.appendChild(el("span", null, " \u00b7 " + e.t + (e.s === "planned" ? " \u00b7 planned" : "")));
      box.appendChild(head);
      var who = e.src && e.tgt ? e.src + " \u2192 " + e.tgt : e.c.join(", ");
      box.appendChild(el("div", "dm-ev-who", who + (e.l ? " \u00b7 at " + e.l : "")));
      if (e.dt) box.appendChild(el("div", "dm-ev-when", "when: \u201c" + e.dt + "\u201d"));
      if (actors.length) box.appendChild(el("div", "dm-ev-actors", actors.join("; ")));
      evidence.forEach(function (s) { box.appendChild(el("blockquote", "dm-ev-evidence", s)); });
      var art = e.r >= 0 ? data.articles[e.r] : null;
      var src = el("div", "dm-ev-src");
      var title = art && art.title ? art.title : "article";
      var url = art ? safeUrl(art.url) : null;
      if (url) {
        var a = el("a", null, title);
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        src.appendChild(a);
      } else {
        src.appendChild(el("span", "dm-ev-title", title));
      }
      src.appendChild(el("span", "dm-ev-id", " [" + (e.aid || "") + (art && art.date ? ", " + art.date : "") + "]"));
      box.appendChild(src);
      return box;
    }

    function eventsPopup(heading, events) {
      var box = el("div", "dm-popup");
      box.appendChild(el("div", "dm-popup-title", heading));
      var shown = events.filter(function (i) { return visible[i]; });
      if (!shown.length) shown = events;
      shown.slice(0, data.popupLimit).forEach(function (i) { box.appendChild(eventBlock(i)); });
      if (shown.length > data.popupLimit) {
        box.appendChild(el("div", "dm-more", "\u2026 and " + (shown.length - data.popupLimit) + " more"));
      }
      return box;
    }

    // ---------------------------------------------------------------- state
    var visible = new Array(data.events.length);
    var lo = 0, hi = data.dates.length - 1, undated = true, selected = "";
    function eventVisible(e) {
      if (e.k < 0) { if (!undated) return false; }
      else if (e.k < lo || e.k > hi) return false;
      if (selected && e.c.indexOf(selected) < 0) return false;
      return true;
    }

    // ---------------------------------------------------------------- edges
    // a crowded (aggregated) map draws thinner, lighter lines so that the pattern stays legible
    var crowded = data.edges.length > 400;
    function width(n) { return crowded ? Math.min(8, 0.8 + 0.9 * Math.sqrt(n)) : Math.min(12, 1.6 + 1.4 * Math.sqrt(n)); }
    var edgeLayers = [], arrowLayers = [];
    data.edges.forEach(function (ed) {
      var color = (types[ed.t] || {}).color || "#555";
      var planned = ed.s === "planned";
      var dash = ed.t === "call" ? (planned ? "9 4 2 4" : "9 6") : (planned ? "2 6" : null);
      var line = L.polyline(ed.p, {
        renderer: canvas, color: color, weight: width(ed.ev.length),
        opacity: crowded ? (planned ? 0.35 : 0.5) : (planned ? 0.6 : 0.85),
        dashArray: dash, lineCap: planned ? "round" : "butt", smoothFactor: 1
      });
      var u = data.nodes[ed.u], v = data.nodes[ed.v];
      line.dm = ed;
      line.bindTooltip(function () {
        var n = ed.shown === undefined ? ed.ev.length : ed.shown;
        var arrow = ed.dir ? " \u2192 " : " \u2013 ";
        return el("span", null, u.name + arrow + v.name + ": " + n + " " + ed.t + (planned ? " (planned)" : "") +
          (n === 1 ? "" : " events") + (ed.d ? " \u00b7 " + ed.d : ""));
      }, { sticky: true });
      line.bindPopup(function () {
        return eventsPopup(u.name + (ed.dir ? " \u2192 " : " \u2013 ") + v.name + " \u00b7 " + ed.t, ed.ev);
      }, { maxWidth: 380, maxHeight: 320 });
      edgeLayers.push(line);
      if (ed.dir) {
        var head = L.polygon([[0, 0], [0, 0], [0, 0]], {
          renderer: canvas, color: color, weight: 1, fillColor: color, opacity: planned ? 0.6 : 0.9,
          fillOpacity: planned ? 0.6 : 0.9, interactive: false
        });
        head.dm = ed;
        head.line = line;
        line.arrow = head;
        arrowLayers.push(head);
      } else {
        line.arrow = null;
      }
    });

    function placeArrow(head) {
      var parts = head.line.getLatLngs();
      if (!parts.length) return;
      if (!Array.isArray(parts[0])) parts = [parts];
      var best = parts[0];
      parts.forEach(function (p) { if (p.length > best.length) best = p; });
      var z = map.getZoom();
      var pts = best.map(function (ll) { return map.project(ll, z); });
      var total = 0, seg = [];
      for (var i = 1; i < pts.length; i++) { var d = pts[i].distanceTo(pts[i - 1]); seg.push(d); total += d; }
      if (total < 12) { head.setLatLngs([]); return; }
      var target = total * ARROW_AT, acc = 0, j = 0;
      while (j < seg.length - 1 && acc + seg[j] < target) { acc += seg[j]; j++; }
      var t = seg[j] ? (target - acc) / seg[j] : 0;
      var a = pts[j], b = pts[j + 1];
      var tip = L.point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
      var dx = (b.x - a.x) / (seg[j] || 1), dy = (b.y - a.y) / (seg[j] || 1);
      var size = crowded ? 3 + head.line.options.weight : 5 + head.line.options.weight * 1.2;
      var back = L.point(tip.x - dx * size * 1.6, tip.y - dy * size * 1.6);
      var left = L.point(back.x - dy * size, back.y + dx * size);
      var right = L.point(back.x + dy * size, back.y - dx * size);
      head.setLatLngs([tip, left, right].map(function (p) { return map.unproject(p, z); }));
    }

    timing.edges = performance.now();
    // ---------------------------------------------------------------- nodes
    // area grows with the number of events; the busiest node gets 22 px whatever the total
    var maxEvents = 1;
    data.nodes.forEach(function (n) { if (n.kind === "capital") maxEvents = Math.max(maxEvents, n.ev.length); });
    function radius(n) { return 4 + 18 * Math.sqrt(n / maxEvents); }
    var nodeLayers = [], labelLayers = [];
    data.nodes.forEach(function (n, idx) {
      var ll = [n.lat, n.lon];
      var layer;
      var r = radius(n.ev.length);
      if (n.kind === "capital") {
        layer = L.circleMarker(ll, {
          renderer: canvas, radius: r, color: "#1d2733", weight: 1.5, fillColor: "#ffffff", fillOpacity: 0.95
        });
      } else {
        r = 7;
        layer = L.marker(ll, {
          icon: L.divIcon({ className: "dm-place", html: el("div", "dm-diamond"), iconSize: [12, 12], iconAnchor: [6, 6] }),
          keyboard: false, riseOnHover: true
        });
      }
      layer.dm = n;
      var what = n.kind === "capital" ? "capital of " + n.state : n.kind + (n.state ? " in " + n.state : "");
      layer.bindTooltip(function () {
        var shown = n.shown === undefined ? n.ev.length : n.shown;
        return el("span", null, n.name + " (" + what + "): " + shown + (shown === 1 ? " event" : " events"));
      }, { direction: "top", offset: [0, -r] });
      layer.bindPopup(function () { return eventsPopup(n.name + " \u00b7 " + what, n.ev); },
        { maxWidth: 380, maxHeight: 320 });
      nodeLayers.push(layer);
      var label = el("div", "dm-label-text" + (n.kind === "capital" ? "" : " dm-label-place"), n.name);
      var marker = L.marker(ll, {
        icon: L.divIcon({ className: "dm-label", html: label, iconSize: null, iconAnchor: [-(r + 3), 9] }),
        interactive: false, keyboard: false
      });
      marker.dm = n;
      marker.r = r;
      marker.priority = (n.kind === "capital" ? 1000000 : 0) + n.ev.length;
      labelLayers.push(marker);
    });

    // ---------------------------------------------------------------- labels: hide overlaps
    function declutter() {
      var placed = [];
      // node markers are obstacles too: a label must not cover another node
      var obstacles = [];
      nodeLayers.forEach(function (layer, idx) {
        if (!groups.nodes.hasLayer(layer)) return;
        var p = map.latLngToLayerPoint(layer.getLatLng());
        var r = layer.getRadius ? layer.getRadius() : 7;
        obstacles.push({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r, idx: idx });
      });
      function overlaps(a, b) {
        return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      }
      var order = [];
      labelLayers.forEach(function (m, idx) {
        if (groups.labels.hasLayer(m) && m._icon) order.push({ m: m, idx: idx });
      });
      order.sort(function (a, b) { return b.m.priority - a.m.priority; });
      // read every size first: reading layout after each write would force a reflow per label
      order.forEach(function (o) { o.w = o.m._icon.offsetWidth; o.h = o.m._icon.offsetHeight || 16; });
      order.forEach(function (o) {
        var m = o.m, icon = m._icon;
        var w = o.w, h = o.h;
        var p = map.latLngToLayerPoint(m.getLatLng());
        var layer = nodeLayers[o.idx];
        var r = layer.getRadius ? layer.getRadius() : 7;
        var spot = null;
        [3, 12].forEach(function (gap) {
          if (spot) return;
          var d = r + gap;
          var options = [
            [p.x + d, p.y - h / 2],            // right
            [p.x - d - w, p.y - h / 2],        // left
            [p.x - w / 2, p.y - d - h + 2],    // above
            [p.x - w / 2, p.y + d - 2],        // below
            [p.x + d * 0.7, p.y - d * 0.7 - h + 4],      // above right
            [p.x - d * 0.7 - w, p.y + d * 0.7 - 4]       // below left
          ];
          for (var i = 0; i < options.length && !spot; i++) {
            var box = { x: options[i][0], y: options[i][1], w: w, h: h };
            var clash = placed.some(function (q) { return overlaps(box, q); }) ||
              obstacles.some(function (q) { return q.idx !== o.idx && overlaps(box, q); });
            if (!clash) spot = box;
          }
        });
        if (spot) {
          placed.push(spot);
          icon.style.visibility = "";
          icon.style.marginLeft = (spot.x - p.x) + "px";
          icon.style.marginTop = (spot.y - p.y) + "px";
        } else {
          icon.style.visibility = "hidden";
        }
      });
    }

    // ---------------------------------------------------------------- filtering
    function refresh() {
      for (var i = 0; i < data.events.length; i++) visible[i] = eventVisible(data.events[i]);
      edgeLayers.forEach(function (line) {
        var ed = line.dm, n = 0;
        for (var k = 0; k < ed.ev.length; k++) if (visible[ed.ev[k]]) n++;
        ed.shown = n;
        var grp = groups.edges[ed.t];
        if (n) {
          line.setStyle({ weight: width(n) });
          if (!grp.hasLayer(line)) grp.addLayer(line);
          if (line.arrow && !grp.hasLayer(line.arrow)) grp.addLayer(line.arrow);
        } else {
          grp.removeLayer(line);
          if (line.arrow) grp.removeLayer(line.arrow);
        }
      });
      nodeLayers.forEach(function (layer, idx) {
        var nd = layer.dm, n = 0;
        for (var k = 0; k < nd.ev.length; k++) if (visible[nd.ev[k]]) n++;
        nd.shown = n;
        var label = labelLayers[idx];
        if (n) {
          if (layer.setRadius && nd.kind === "capital") layer.setRadius(radius(n));
          if (!groups.nodes.hasLayer(layer)) groups.nodes.addLayer(layer);
          if (!groups.labels.hasLayer(label)) groups.labels.addLayer(label);
        } else {
          groups.nodes.removeLayer(layer);
          groups.labels.removeLayer(label);
        }
      });
      // edges added back by a filter are drawn last: put the nodes on top again
      nodeLayers.forEach(function (layer) { if (layer.bringToFront && map.hasLayer(layer)) layer.bringToFront(); });
      arrowLayers.forEach(placeArrow);
      declutter();
    }

    // ---------------------------------------------------------------- controls
    if (data.title) {
      var title = el("div", "dm-title", data.title);
      container.appendChild(title);
    }

    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        var box = el("div", "dm-legend leaflet-bar");
        var head = el("div", "dm-legend-title", "Events");
        head.title = "show or hide the legend";
        head.addEventListener("click", function () { box.classList.toggle("dm-folded"); });
        box.appendChild(head);
        // on a small map (a notebook cell) the legend starts folded, so it hides less of the map
        if (container.clientHeight < 600) box.classList.add("dm-folded");
        data.types.forEach(function (t) {
          if (!groups.edges[t[0]]) return;
          var row = el("div", "dm-legend-row");
          var sw = el("span", "dm-legend-line");
          sw.style.borderTopColor = t[2];
          if (t[0] === "call") sw.style.borderTopStyle = "dashed";
          row.appendChild(sw);
          row.appendChild(el("span", null, t[1] + " (" + (data.typeCounts[t[0]] || 0) + ")"));
          box.appendChild(row);
        });
        var keys = [["dm-legend-line dm-dotted", "planned / proposed"], ["dm-legend-arrow", "direction: traveller \u2192 host"],
          ["dm-legend-dot", "capital, sized by events"], ["dm-legend-diamond", "other place (city, landmark)"]];
        keys.forEach(function (k) {
          var row = el("div", "dm-legend-row");
          row.appendChild(el("span", k[0], k[0] === "dm-legend-arrow" ? "\u27a4" : ""));
          row.appendChild(el("span", null, k[1]));
          box.appendChild(row);
        });
        box.appendChild(el("div", "dm-legend-note", "width = number of events"));
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    new Legend().addTo(map);

    var Filter = L.Control.extend({
      options: { position: "topright" },
      onAdd: function () {
        var box = el("div", "dm-filter leaflet-bar");
        var label = el("label", null, "State ");
        var select = el("select", "dm-state-select");
        select.appendChild(el("option", null, "all states")).value = "";
        data.states.forEach(function (s) {
          var o = el("option", null, s[1] + " (" + s[0] + ")");
          o.value = s[0];
          select.appendChild(o);
        });
        select.addEventListener("change", function () {
          selected = select.value;
          refresh();
          // frame the chosen state's partners (or everything again)
          var shown = [];
          nodeLayers.forEach(function (l) { if (map.hasLayer(l)) shown.push(l.getLatLng()); });
          if (shown.length > 1) map.fitBounds(L.latLngBounds(shown).pad(0.15), { maxZoom: 6, animate: false });
        });
        label.appendChild(select);
        box.appendChild(label);
        L.DomEvent.disableClickPropagation(box);
        return box;
      }
    });
    new Filter().addTo(map);

    if (data.dates.length) {
      var Slider = L.Control.extend({
        options: { position: "bottomleft" },
        onAdd: function () {
          var box = el("div", "dm-time leaflet-bar");
          var text = el("div", "dm-time-text");
          var from = el("input", "dm-time-from"), to = el("input", "dm-time-to");
          [from, to].forEach(function (inp) {
            inp.type = "range"; inp.min = 0; inp.max = data.dates.length - 1; inp.step = 1;
          });
          from.value = 0; to.value = data.dates.length - 1;
          from.title = "from"; to.title = "to";
          var und = el("input", "dm-time-undated");
          und.type = "checkbox"; und.checked = true;
          var undLabel = el("label", null);
          undLabel.appendChild(und);
          undLabel.appendChild(document.createTextNode(" undated (" + data.undated + ")"));
          function update() {
            var a = +from.value, b = +to.value;
            if (a > b) { if (this === from) { to.value = a; b = a; } else { from.value = b; a = b; } }
            lo = a; hi = b; undated = und.checked;
            refresh();
            var n = 0;
            for (var i = 0; i < visible.length; i++) if (visible[i]) n++;
            text.textContent = "Dates: " + data.dates[lo] + " \u2013 " + data.dates[hi] + " (" + n + (n === 1 ? " event)" : " events)");
          }
          from.addEventListener("input", update);
          to.addEventListener("input", update);
          und.addEventListener("change", update);
          text.textContent = "Dates: " + data.dates[0] + " \u2013 " + data.dates[data.dates.length - 1];
          box.appendChild(text);
          box.appendChild(from);
          box.appendChild(to);
          if (data.undated) box.appendChild(undLabel);
          L.DomEvent.disableClickPropagation(box);
          L.DomEvent.disableScrollPropagation(box);
          return box;
        }
      });
      new Slider().addTo(map);
    }

    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution(data.attribution);

    // ---------------------------------------------------------------- draw
    if (data.nodes.length) {
      var bounds = L.latLngBounds(data.nodes.map(function (n) { return [n.lat, n.lon]; }));
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), 5, { animate: false });
      else map.fitBounds(bounds.pad(0.12), { animate: false });
    }
    timing.controls = performance.now();
    refresh();
    timing.refresh = performance.now();
    map.on("zoomend", function () { arrowLayers.forEach(placeArrow); declutter(); });
    map.on("moveend", declutter);
    map.on("overlayadd overlayremove", declutter);

    window.diplomapMaps = window.diplomapMaps || [];
    window.diplomapMaps.push({
      map: map, data: data, nodes: nodeLayers, edges: edgeLayers, arrows: arrowLayers, labels: labelLayers,
      refresh: refresh, timing: timing,
      setState: function (code) { selected = code || ""; refresh(); }
    });
    container.setAttribute("data-diplomap-ready", "1");
  };
})();
