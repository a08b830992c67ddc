"""The report's stylesheet: inlined into the page, so the file needs nothing from the network."""

CSS = """
:root {
  --ink: #1f2328; --muted: #59636e; --faint: #818b98; --paper: #ffffff; --wash: #f6f8fa;
  --rule: #d1d9e0; --link: #0969da;
  --conflict: #c4262e; --conflict-wash: #fff0ef; --conflict-rule: #f5b5b1;
  --agree: #1a7f37; --agree-wash: #ecfbef; --agree-rule: #aee9bd;
  --single: #6e7781; --single-wash: #f3f4f6;
  --figure: #7a4d00; --figure-wash: #ffe7a3;
  --speaker: #0550ae;
  --person: #8250df; --place: #0b7a75; --org: #0969da; --group: #bc4c00; --time: #7d6b43; --other: #6e7781;
  --serif: "Iowan Old Style", "Charter", "Source Serif Pro", Georgia, Cambria, serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e6edf3; --muted: #9da7b3; --faint: #7d8590; --paper: #0f1419; --wash: #161b22;
    --rule: #30363d; --link: #58a6ff;
    --conflict: #ff7b72; --conflict-wash: #2d1517; --conflict-rule: #6e2b2b;
    --agree: #56d364; --agree-wash: #12261a; --agree-rule: #245c33;
    --single: #9da7b3; --single-wash: #1c2128;
    --figure: #f2cc60; --figure-wash: #3b2e0a; --speaker: #79c0ff;
    --person: #bc8cff; --place: #39c5bb; --org: #58a6ff; --group: #f0883e; --time: #c9b37e; --other: #9da7b3;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--paper); color: var(--ink);
  font: 15px/1.55 var(--sans); font-variant-numeric: tabular-nums;
}
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.wrap { max-width: 76rem; margin: 0 auto; padding: 0 1.5rem; }
header.top { border-bottom: 1px solid var(--rule); background: var(--wash); }
header.top .wrap { padding-top: 1.6rem; padding-bottom: 0; }
h1 { font: 600 1.75rem/1.2 var(--serif); margin: 0 0 .25rem; letter-spacing: -.01em; }
.meta { color: var(--muted); margin: 0 0 1rem; }
nav { position: sticky; top: 0; z-index: 2; background: var(--wash); border-bottom: 1px solid var(--rule); }
nav .wrap { display: flex; flex-wrap: wrap; gap: .15rem 1.1rem; padding-top: .5rem; padding-bottom: .5rem; }
nav a { color: var(--muted); font-size: .9rem; }
nav a b { color: var(--ink); font-weight: 600; }
main section { padding: 2rem 0 .5rem; }
h2 { font: 600 1.3rem/1.3 var(--serif); margin: 0 0 .3rem; }
h2 .count { color: var(--faint); font: 400 1rem var(--sans); margin-left: .35rem; }
h3 { font-size: 1rem; margin: 1.4rem 0 .5rem; }
.lede { color: var(--muted); margin: 0 0 1rem; max-width: 48rem; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(6.8rem, 1fr)); gap: .75rem; margin: 0 0 1.25rem; }
.tile { border: 1px solid var(--rule); border-radius: 8px; padding: .6rem .8rem; background: var(--paper); }
.tile b { display: block; font: 600 1.5rem/1.2 var(--sans); }
.tile span { white-space: nowrap; }
.tile span { color: var(--muted); font-size: .85rem; }
.tile.conflict b { color: var(--conflict); }
.tile.agree b { color: var(--agree); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
td.n, th.n { text-align: right; white-space: nowrap; }
td.date { white-space: nowrap; }
tfoot td { font-weight: 600; border-bottom: 0; }
.scroll { overflow-x: auto; }
.doclabel {
  display: inline-block; min-width: 2.1rem; padding: 0 .35rem; border-radius: 4px; text-align: center;
  font: 600 .78rem/1.5 var(--mono); background: var(--ink); color: var(--paper);
}
.lead { font-family: var(--serif); }
.sub { color: var(--faint); font-size: .8rem; }
.badge {
  display: inline-block; font: 600 .72rem/1.6 var(--sans); letter-spacing: .05em; text-transform: uppercase;
  padding: 0 .5rem; border-radius: 999px; border: 1px solid currentColor;
}
.badge.conflict { color: var(--conflict); background: var(--conflict-wash); }
.badge.agree { color: var(--agree); background: var(--agree-wash); }
.badge.single { color: var(--single); background: var(--single-wash); }
.card {
  border: 1px solid var(--rule); border-radius: 10px; margin: 0 0 1rem; background: var(--paper);
  overflow: hidden; break-inside: avoid;
}
.card > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem; padding: .55rem .9rem; background: var(--wash); border-bottom: 1px solid var(--rule); }
.card > header .docs { color: var(--muted); font-size: .85rem; }
.card.conflict { border-color: var(--conflict-rule); border-left: 5px solid var(--conflict); }
.card.conflict > header { background: var(--conflict-wash); border-bottom-color: var(--conflict-rule); }
.card.agree { border-left: 5px solid var(--agree); }
.reason { margin: 0; padding: .5rem .9rem; border-bottom: 1px solid var(--rule); font-size: .88rem; display: flex; flex-wrap: wrap; gap: .2rem .8rem; align-items: baseline; }
.reason > b { color: var(--conflict); }
ul.why { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .15rem .4rem; }
ul.why li { color: var(--muted); }
ul.why li + li::before { content: "·"; margin-right: .4rem; color: var(--faint); }
ul.why li.head { color: var(--ink); font-weight: 600; }
ul.why li.clash { color: var(--conflict); font-weight: 600; }
.also { margin: 0; padding: 0 .9rem .6rem; font-size: .82rem; color: var(--muted); }
.versus { display: grid; grid-template-columns: 1fr auto 1fr; }
.versus .vs {
  align-self: center; color: var(--conflict); font: 700 .8rem var(--sans); text-transform: uppercase;
  padding: 0 .25rem;
}
.side { min-width: 0; }
.wordings { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr)); }
.wording { padding: .7rem .9rem; border-top: 1px solid var(--rule); min-width: 0; }
.wordings .column { border-right: 1px solid var(--rule); margin-right: -1px; min-width: 0; }
.wordings .column .wording:first-child, .side .wording:first-child { border-top: 0; }
.wordings details { border-top: 1px solid var(--rule); padding: .4rem .9rem; font-size: .85rem; }
.wordings details summary { cursor: pointer; color: var(--link); }
.wordings details .wording { padding-left: 0; padding-right: 0; }
@media print { .wordings details > * { display: block; } }
.who { font-size: .85rem; color: var(--muted); margin-bottom: .3rem; display: flex; flex-wrap: wrap; gap: .2rem .45rem; align-items: baseline; }
.who .speaker { font-weight: 600; color: var(--speaker); }
.who .article { font-style: italic; }
.tag { font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; padding: 0 .35rem; border-radius: 4px; background: var(--wash); border: 1px solid var(--rule); color: var(--muted); }
.tag.denied { color: var(--conflict); border-color: var(--conflict-rule); background: var(--conflict-wash); }
.ctx { margin: 0; font: 1rem/1.55 var(--serif); color: var(--muted); overflow-wrap: anywhere; }
.ctx .said { color: var(--ink); }
.ctx .speaker { color: var(--speaker); font-weight: 600; }
.fig { background: var(--figure-wash); color: var(--figure); font-weight: 700; border-radius: 3px; padding: 0 .12em; }
.conflict .fig { outline: 1.5px solid var(--conflict); outline-offset: 0; }
ol.claims { list-style: none; margin: 0; padding: 0; }
ol.claims > li { border-top: 1px solid var(--rule); }
ol.claims .wording { display: grid; grid-template-columns: 15rem 1fr; gap: .2rem 1.2rem; border: 0; padding: .45rem 0; }
ol.claims .who { margin: .15rem 0 0; align-content: flex-start; }
ol.claims .ctx { font-size: .95rem; }
.totext { font-size: .78rem; white-space: nowrap; }
@media (max-width: 46rem) { ol.claims .wording { grid-template-columns: 1fr; } }
.matrix th.doc { text-align: center; }
.matrix td.cell { text-align: center; width: 3rem; font-size: .8rem; }
.matrix td.on { color: var(--agree); }
.matrix td.on .dot { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; background: var(--agree); vertical-align: middle; }
.matrix tr.conflict td.on .dot { background: var(--conflict); }
.matrix tr.conflict td.on { color: var(--conflict); }
.matrix td.group { max-width: 40rem; font-family: var(--serif); }
.matrix td.group a { color: var(--ink); }
.matrix tr.conflict td.group::before { content: "conflict"; font: 700 .68rem var(--sans); color: var(--conflict); text-transform: uppercase; letter-spacing: .04em; margin-right: .45rem; }
.matrix tr.summary td { color: var(--muted); font-style: italic; }
.heat { text-align: center; width: 3rem; font-size: .8rem; }
.heat.h0 { color: var(--faint); }
.heat.h1 { background: color-mix(in srgb, var(--link) 12%, transparent); }
.heat.h2 { background: color-mix(in srgb, var(--link) 26%, transparent); }
.heat.h3 { background: color-mix(in srgb, var(--link) 42%, transparent); font-weight: 600; }
.aliases { color: var(--faint); font-size: .8rem; }
.label { font: 600 .7rem/1.5 var(--mono); padding: 0 .3rem; border-radius: 3px; color: var(--paper); background: var(--other); }
.label.PERSON { background: var(--person); } .label.GPE, .label.LOC, .label.FAC { background: var(--place); }
.label.ORG { background: var(--org); } .label.NORP { background: var(--group); }
.label.DATE, .label.TIME { background: var(--time); }
.legend { display: flex; flex-wrap: wrap; gap: .35rem .8rem; font-size: .85rem; color: var(--muted); margin: 0 0 1rem; align-items: center; }
article.doc { border-top: 1px solid var(--rule); padding: 1.2rem 0 1.5rem; }
article.doc > header h3 { margin: 0 0 .2rem; font: 600 1.15rem/1.35 var(--serif); }
article.doc .facts { color: var(--muted); font-size: .85rem; margin: 0 0 .8rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 1.02rem/1.65 var(--serif); max-width: 46rem; }
.text [data-layer=boilerplate] { color: var(--faint); background: var(--wash); border-radius: 2px; font-style: italic; }
.text a.claim { color: inherit; text-decoration: underline dotted; text-decoration-color: color-mix(in srgb, var(--speaker) 55%, transparent); text-decoration-thickness: 1.5px; text-underline-offset: .28em; }
.text a.claim:hover, .text a.claim:target { background: color-mix(in srgb, var(--speaker) 12%, transparent); }
.text a.claim:target { outline: 2px solid color-mix(in srgb, var(--speaker) 60%, transparent); outline-offset: 1px; border-radius: 2px; }
.text a.claim.conflict { text-decoration: underline solid var(--conflict); text-decoration-thickness: 2px; }
.claimmark { text-decoration: underline dotted; text-decoration-color: color-mix(in srgb, var(--speaker) 45%, transparent); text-decoration-thickness: 1.5px; text-underline-offset: .2em; color: var(--ink); }
.bpmark { color: var(--faint); background: var(--wash); padding: 0 .2em; }
.ent { border-radius: 3px; padding: 0 .08em; background: color-mix(in srgb, var(--other) 12%, transparent); }
.ent.PERSON { background: color-mix(in srgb, var(--person) 15%, transparent); }
.ent.GPE, .ent.LOC, .ent.FAC { background: color-mix(in srgb, var(--place) 14%, transparent); }
.ent.ORG { background: color-mix(in srgb, var(--org) 14%, transparent); }
.ent.NORP { background: color-mix(in srgb, var(--group) 14%, transparent); }
.ent.DATE, .ent.TIME { background: color-mix(in srgb, var(--time) 16%, transparent); }
.ent.CARDINAL, .ent.QUANTITY, .ent.MONEY, .ent.PERCENT, .ent.ORDINAL { background: var(--figure-wash); color: var(--figure); font-weight: 600; }
.legend .ent { padding: 0 .3em; }
.back { font-size: .85rem; }
footer { color: var(--faint); font-size: .8rem; padding: 2rem 0 3rem; border-top: 1px solid var(--rule); margin-top: 2rem; }
:target { scroll-margin-top: 3.2rem; }
.card:target, li:target { box-shadow: 0 0 0 3px color-mix(in srgb, var(--link) 35%, transparent); }
@media (max-width: 46rem) {
  .versus { grid-template-columns: 1fr; }
  .versus .vs { padding: .2rem .9rem; }
}
@media print {
  body { font-size: 10pt; background: #fff; color: #000; }
  nav, .back { display: none; }
  header.top { background: none; }
  a { color: inherit; }
  .card, tr, .wording { break-inside: avoid; }
  #documents article.doc { break-before: page; }
  .text { max-width: none; }
}
"""
