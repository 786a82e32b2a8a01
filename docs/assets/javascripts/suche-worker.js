/* Search worker: Material's search worker protocol, answered by Pagefind (hooks/suche.py).

   Material's search UI (field, result list, keyboard use, highlighting on the target page)
   stays as it is; it talks to a web worker with four messages (Material 9.8
   src/…/integrations/search/worker/message): SETUP (the index from search/search_index.json –
   now only its configuration) → READY, QUERY (the text in the field) → RESULT ({items}: one
   list per page, the page first, then its sections). Instead of downloading the whole index
   and building a lunr index in the browser, this worker asks Pagefind, which loads only the
   index chunks and result fragments a query needs (German stemming: Pagefind's Snowball
   stemmer for lang="de"). Pagefind's files are in pagefind/ at the root of the site. */
"use strict"

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
var FIRST_PAGES = 5  // results shown first (a phone shows about five; Material renders 10, more on scrolling)
var MAX_PAGES = 20  // results listed in all (a fragment of ≈ 3 KB is fetched for each)
var DEBOUNCE = 250  // ms without a key press before a query runs (Pagefind UI: 300)
var MORE_AFTER = 1000  // ms after the first results before the rest are fetched, if no new query
var MAX_SECTIONS = 5  // sections listed under a page
var base = new URL("../../pagefind/", self.location.href).href
var pagefind = null
var indexHtml = false  // offline package: links end in index.html
var latest = 0

function load() {
  if (!pagefind)
    pagefind = import(base + "pagefind.js").then(function (module) {
      return module.options({ basePath: base, excerptLength: 24 }).then(function () {
        return module.init()
      }).then(function () { return module })
    })
  return pagefind
}

/* Pagefind's URLs are relative to the root of the site (`/a/b/#c`); Material resolves a
   result's location against the site's base URL, so it must be relative (`a/b/#c`). */
function resultLocation(url) {
  var parts = url.replace(/^\/+/, "").split("#")
  var path = parts[0]
  if (indexHtml && (path === "" || path.slice(-1) === "/"))
    path += "index.html"
  return parts.length > 1 ? path + "#" + parts[1] : path
}

function terms(query) {
  var out = {}
  query.toLowerCase().split(/[\s\-]+/).forEach(function (term) {
    if (term) out[term] = true
  })
  return out
}

function item(data, score, query) {
  var page = {
    location: resultLocation(data.url), title: data.meta.title || data.url,
    text: data.excerpt, score: score, terms: terms(query)
  }
  var sections = (data.sub_results || [])
    .filter(function (sub) { return sub.url.indexOf("#") > 0 && sub.url !== data.url })
    .slice(0, MAX_SECTIONS)
    .map(function (sub) {
      return {
        location: resultLocation(sub.url), title: sub.title, text: sub.excerpt,
        score: score / 2, terms: page.terms
      }
    })
  return [page].concat(sections)
}

function post(id, results, pages, query) {
  if (id !== latest) return
  postMessage({ type: RESULT, data: {
    items: pages.map(function (data, i) { return item(data, results[i].score, query) })
  } })
}

/* Pagefind's debounced search drops a query when the next key comes within DEBOUNCE ms, so
   typing a word does not fetch the fragments of every prefix. The first FIRST_PAGES results
   are shown at once; up to MAX_PAGES follow MORE_AFTER ms later, unless the reader has typed
   on – so the fragments of the rest do not compete with the first results for the network. */
function search(query, id) {
  return load().then(function (pf) {
    if (id !== latest) return
    if (!query.trim()) return post(id, [], [], query)
    return pf.debouncedSearch(query, {}, DEBOUNCE).then(function (found) {
      if (id !== latest || !found) return
      var results = found.results.slice(0, MAX_PAGES)
      var first = results.slice(0, FIRST_PAGES)
      return Promise.all(first.map(function (r) { return r.data() })).then(function (pages) {
        post(id, first, pages, query)
        if (id !== latest || results.length <= first.length) return
        return new Promise(function (resolve) { setTimeout(resolve, MORE_AFTER) })
          .then(function () {
            if (id !== latest) return
            return Promise.all(results.slice(first.length).map(function (r) { return r.data() }))
              .then(function (more) { post(id, results, pages.concat(more), query) })
          })
      })
    })
  })
}

addEventListener("message", function (ev) {
  var message = ev.data
  if (message.type === SETUP) {
    var config = message.data.config || {}
    indexHtml = !!(config.pagefind && config.pagefind.index_html)
    postMessage({ type: READY })  // Pagefind is loaded with the first query, not with every page
  } else if (message.type === QUERY) {
    var id = ++latest
    search(message.data, id).catch(function (err) {
      console.warn("Suche fehlgeschlagen:", err)
      if (id === latest) postMessage({ type: RESULT, data: { items: [] } })
    })
  }
})
