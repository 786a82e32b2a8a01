/**
 * Interactive reach calculator (Reichweitenrechner) – a plain ES module, no framework, no build.
 *
 * Part 1 (pure, importable by `node --test`): a faithful port of the parts of the Python package
 * `smm_calc` the calculator needs – Range parsing and validation with smm_calc's German messages
 * (smm_calc/validate.py, ranges.py), the naive snowball and the saturation model
 * (models/snowball.py), the Galton–Watson extinction probability (models/branching.py, solvers.py),
 * German number formatting (render/numbers.py, figures.axis_count) and the whole calculation with
 * its verdict texts, `calculate()` (smm_calc/calculator.py, its Python twin). smm_calc is the
 * reference: tests/js/vectors.json holds full results computed by it and is checked against this
 * module. Limits and the fields' keys and messages are not copied: see configure().
 *
 * Part 2 (browser only): finds `[data-smm-rechner]` on the page and wires up the form – live
 * results, an inline SVG chart, shareable URLs (?k=8-12&faktor=10&stufen=5&zielgruppe=100000&quote=1)
 * and inline German error messages. It runs on every page load, including Material's instant
 * navigation (via its `document$` observable), and does nothing on pages without the calculator.
 * The site imports it through reichweitenrechner-laden.js, only on pages with the calculator.
 *
 * Result rows carry raw numbers for machines: data-stufe, data-naiv-min, data-naiv-max,
 * data-saettigung-min, data-saettigung-max (reach after the Stufe); the paragraph on R carries
 * data-r-min, data-r-max and data-aussterben-min, data-aussterben-max (extinction probability).
 * Numbers are JavaScript's shortest round-trip notation (e.g. "3905", "1.2345e+21"), which
 * Python's float() reads exactly; an EMPTY attribute (data-naiv-max="") means the band has no
 * upper end, because k is open upwards („mindestens …“). Never "Infinity" or "NaN".
 *
 * Known differences to Python, all outside what the calculator can produce: numbers passed to
 * `shown` are treated as Python floats, never ints (Python quotes ints ≥ 10¹⁵ differently), and
 * fmtNumber does not raise for more than 28 significant digits as Python's decimal context does.
 * Python's regular expressions and float() accept every Unicode decimal digit; so does this port.
 */

// --- numbers (smm_calc/render/numbers.py) -----------------------------------------------------

export const NBSP = "\u00a0";
export const EN_DASH = "–";
const SUPERSCRIPTS = { 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹", "-": "⁻" };
const UNITS = [[1e6, "Mio."], [1e9, "Mrd."], [1e12, "Bio."]];

function superscript(n) {
  return String(n).replace(/[0-9-]/g, (c) => SUPERSCRIPTS[c]);
}

/** Digits and decimal point position of |x| in shortest round-trip notation (Python's repr). */
function shortestDigits(x) {
  const text = String(Math.abs(x));
  const [mantissa, exp = "0"] = text.split("e");
  const [whole, frac = ""] = mantissa.split(".");
  let digits = whole + frac;
  let point = whole.length + Number(exp);
  const lead = digits.match(/^0*/)[0].length;
  if (lead === digits.length) return { digits: "0", point: 1 };
  digits = digits.slice(lead);
  point -= lead;
  return { digits, point };
}

function incrementDigits(digits) {
  const out = digits.split("");
  let i = out.length - 1;
  while (i >= 0) {
    if (out[i] === "9") {
      out[i] = "0";
      i -= 1;
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
  }
  return "1" + out.join("");
}

/** round(|x| · 10^decimals) half up, as a digit string (Decimal(repr(x)).quantize, ROUND_HALF_UP). */
function roundHalfUpScaled(x, decimals) {
  const { digits, point } = shortestDigits(x);
  const keep = point + decimals;
  if (keep < 0) return "0";
  if (keep >= digits.length) return digits + "0".repeat(keep - digits.length);
  const kept = digits.slice(0, keep);
  if (digits[keep] >= "5") return kept === "" ? "1" : incrementDigits(kept);
  return kept === "" ? "0" : kept;
}

function group(digits) {
  const head = digits.length % 3 || 3;
  const parts = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  return parts.join(".");
}

/** A number with `decimals` decimals, German separators; `strip` drops trailing zeros. */
export function fmtNumber(x, decimals = 0, { strip = false } = {}) {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const scaled = roundHalfUpScaled(x, decimals).padStart(decimals + 1, "0");
  const isZero = /^0+$/.test(scaled);
  const sign = x < 0 && !isZero ? "-" : "";
  const whole = scaled.slice(0, scaled.length - decimals).replace(/^0+(?=\d)/, "");
  let frac = decimals > 0 ? scaled.slice(scaled.length - decimals) : "";
  if (strip) frac = frac.replace(/0+$/, "");
  return sign + group(whole) + (frac ? "," + frac : "");
}

/** A parameter value such as 4,5 or 0,03 or 1.000 (up to `maxDecimals`, no trailing zeros). */
export function fmtDecimal(x, maxDecimals = 3) {
  return fmtNumber(x, maxDecimals, { strip: true });
}

/** Scientific notation the German way: 1,2 · 10¹⁸. */
export function fmtPowerOfTen(x, significant = 2) {
  let exponent = Math.floor(Math.log10(Math.abs(x)));
  let mantissa = x / Number(`1e${exponent}`);
  if (Number(roundHalfUpScaled(mantissa, significant - 1)) >= 10 ** significant) { // rounds up to 10
    exponent += 1;
    mantissa = x / Number(`1e${exponent}`);
  }
  const mantissaText = fmtNumber(mantissa, significant - 1, { strip: true });
  return `${mantissaText}${NBSP}·${NBSP}10${superscript(exponent)}`;
}

/** An (expected) number of people: 4,5 · 1.884 · 1,23 Mio. · 4,56 Mrd. · 1,2 · 10¹⁸. */
export function fmtCount(x) {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const ax = Math.abs(x);
  if (ax < 1e6) {
    if (ax >= 100 || Math.abs(x - Math.round(x)) < 0.05) return fmtNumber(x, 0);
    return fmtNumber(x, 1);
  }
  let i = UNITS.length;
  if (ax < 1e15) {
    for (let j = 0; j < UNITS.length; j += 1) if (ax >= UNITS[j][0]) i = j;
  }
  while (i < UNITS.length) {
    const [size, unit] = UNITS[i];
    const scaled = x / size;
    const decimals = Math.min(2, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(scaled)))));
    const text = fmtNumber(scaled, decimals, { strip: true });
    if (!text.replace(/^-+/, "").startsWith("1.000")) return `${text}${NBSP}${unit}`;
    i += 1; // 999,9996 Mio. rounds to the next unit
  }
  return fmtPowerOfTen(x);
}

/** A share 0…1 as percent: 0.2032 → 20,3 %; with `strip` 0.5 → 50 % (not 50,0 %). */
export function fmtPercent(share, decimals = 1, { strip = false } = {}) {
  return `${fmtNumber(100.0 * share, decimals, { strip })}${NBSP}%`;
}

function partitionNbsp(text) {
  const i = text.indexOf(NBSP);
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + 1)];
}

/** Join two formatted ends: 84–155, 1,2–3,4 Mio., „mindestens 1.640“ (high null). */
export function fmtRange(low, high) {
  if (high === null || high === undefined) return `mindestens ${low}`;
  if (low === high) return low;
  const [lowNum, lowUnit] = partitionNbsp(low);
  const [highNum, highUnit] = partitionNbsp(high);
  if (lowUnit && lowUnit === highUnit && !lowUnit.includes("·")) {
    return `${lowNum}${EN_DASH}${highNum}${NBSP}${lowUnit}`;
  }
  if (lowUnit || highUnit) return `${low}${NBSP}${EN_DASH} ${high}`;
  return `${low}${EN_DASH}${high}`;
}

/** A band of people counts; `high` null means open upwards. */
export function fmtCountBand(low, high) {
  return fmtRange(fmtCount(low), high === null || high === undefined ? null : fmtCount(high));
}

/** A band of parameter values such as k = 4–5 or k ≥ 40 („mindestens 40“). */
export function fmtDecimalBand(low, high, maxDecimals = 3) {
  const open = high === null || high === undefined || high === Infinity;
  return fmtRange(fmtDecimal(low, maxDecimals), open ? null : fmtDecimal(high, maxDecimals));
}

/** Tick label for people (smm_calc.render.figures.axis_count): 0 · 2,5 · 20.000 · 1 Mio. · 10¹⁸. */
export function axisCount(v) {
  if (!Number.isFinite(v)) return "";
  const av = Math.abs(v);
  if (av >= 1e15 || (av > 0 && av < 0.01)) {
    const exponent = Math.log10(av);
    if (Math.abs(exponent - pyRound(exponent)) < 1e-9 && v > 0) return "10" + superscript(pyRound(exponent));
    return fmtPowerOfTen(v);
  }
  for (let i = UNITS.length - 1; i >= 0; i -= 1) {
    const [size, unit] = UNITS[i];
    if (av >= size) return `${fmtNumber(v / size, 2, { strip: true })}${NBSP}${unit}`;
  }
  return fmtNumber(v, 3, { strip: true });
}

/** Python's round(): halves go to the even neighbour. */
function pyRound(x) {
  const r = Math.round(x);
  return Math.abs(r - x) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// --- what the page hands over from smm_calc (smm_calc/calculator.py js_constants) -------------

/**
 * Limits (MAX_STUFEN, MAX_ZIELGRUPPE, MAX_K, MAX_RESULT, MAX_R) and the form's fields (query key →
 * key in the messages, default text, message for an empty field) are not copied into this file:
 * the build hook hooks/rechner.py writes smm_calc.calculator.js_constants() into the page as
 * data-smm-werte, and mount() hands it to configure(); node's tests take the same object from
 * tests/js/vectors.json. Until configure() has run, every function that needs a limit throws.
 */
export let LIMITS = null;
export let FIELDS = null;
export let FIELD_NAMES = [];
const LIMIT_NAMES = ["MAX_STUFEN", "MAX_ZIELGRUPPE", "MAX_K", "MAX_RESULT", "MAX_R"];

export function configure(constants) {
  const { limits, fields } = constants || {};
  for (const name of LIMIT_NAMES) {
    if (!limits || typeof limits[name] !== "number" || !(limits[name] > 0)) {
      throw new Error(`Reichweitenrechner: Grenzwert ${name} fehlt oder ist ungültig`);
    }
  }
  if (!fields || !Object.keys(fields).length) throw new Error("Reichweitenrechner: Felder fehlen");
  for (const [name, spec] of Object.entries(fields)) {
    for (const part of ["key", "default", "empty"]) {
      if (typeof spec[part] !== "string") throw new Error(`Reichweitenrechner: Feld ${name} ohne ${part}`);
    }
  }
  LIMITS = Object.freeze(Object.fromEntries(LIMIT_NAMES.map((name) => [name, limits[name]])));
  FIELDS = Object.freeze(Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, Object.freeze({ ...spec })])));
  FIELD_NAMES = Object.keys(FIELDS);
}

/** Loud when the page did not hand smm_calc's constants over. */
function ready() {
  if (!LIMITS) throw new Error("Reichweitenrechner: configure() wurde nicht aufgerufen (data-smm-werte fehlt)");
}

/** A limit from smm_calc. */
function limit(name) {
  ready();
  return LIMITS[name];
}

// --- validation (smm_calc/validate.py) --------------------------------------------------------

/** A user's input is not usable; the message is German and meant to be shown as is. */
export class InputError extends Error {
  constructor(message, key = null) {
    super(message);
    this.name = "InputError";
    this.key = key;
  }
}

// Python's str.strip() and \s: the characters for which str.isspace() is true.
const PY_SPACE = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "gu");

function pyStrip(text) {
  return text.replace(STRIP, "");
}

// Python's \d in str patterns matches every Unicode decimal digit; so do these (\p{Nd}).
const D = "\\p{Nd}";
const S = `[${PY_SPACE}]`;
const fullmatch = (source) => new RegExp(`^(?:${source})$`, "u");
const PLAIN = fullmatch(`[+-]?(?:${D}+(?:\\.${D}*)?|\\.${D}+)(?:e[+-]?${D}+)?`);
const GROUPED = fullmatch(`[+-]?${D}{1,3}(?:\\.${D}{3})+(?:,${D}+)?`);
const SPACES = new RegExp(`(?<=${D})[ \\u00a0\\u202f\\u2009](?=${D}{3}(?:\\P{Nd}|$))`, "gu");
const NUM = `[+-]?${D}[${D}.,]*(?:e[+-]?${D}+)?|[+-]?\\.${D}+`;
const OPEN = [
  fullmatch(`(?:≥|>=|>|mindestens|ab|min\\.)${S}*(?<a>${NUM})`),
  fullmatch(`(?<a>${NUM})${S}*(?:\\+|oder mehr|und mehr)`),
];
const BETWEEN = fullmatch(`(?<a>${NUM})${S}*(?:-|–|—|bis)${S}*(?<b>${NUM})`);

/** Unicode decimal digits → ASCII (Python's float() accepts them, Number() does not). */
function asciiDigits(text) {
  return text.replace(/\p{Nd}/gu, (c) => {
    let start = c.codePointAt(0);
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
    return String((c.codePointAt(0) - start) % 10);
  });
}

function pyFloat(text) {
  return Number(asciiDigits(text));
}

/** Python's f"{x:g}" for a finite non-zero float. */
function pyG(x) {
  let digits;
  let exponent;
  if (Number.isInteger(x) && Math.abs(x) >= 1e15) {
    // exact decimal value, rounded half to even like Python's correctly rounded formatting
    const exact = BigInt(Math.abs(x)).toString();
    exponent = exact.length - 1;
    let head = exact.slice(0, 6);
    const rest = exact.slice(6);
    const tie = rest !== "" && rest[0] === "5" && /^50*$/.test(rest);
    if (rest !== "" && (rest[0] > "5" || (rest[0] === "5" && (!tie || Number(head.at(-1)) % 2 === 1)))) {
      head = incrementDigits(head);
      if (head.length > 6) {
        head = head.slice(0, 6);
        exponent += 1;
      }
    }
    digits = head;
  } else {
    const [mantissa, exp] = Math.abs(x).toExponential(5).split("e");
    digits = mantissa.replace(".", "");
    exponent = Number(exp);
  }
  if (exponent < -4 || exponent >= 6) {
    const m = (digits[0] + "." + digits.slice(1)).replace(/\.?0+$/, "");
    const e = `${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
    return `${x < 0 ? "-" : ""}${m}e${e}`;
  }
  return `${x < 0 ? "-" : ""}${Number(Math.abs(x).toPrecision(6))}`;
}

/** The value as the user gave it, for „…“ quotes in messages. */
export function shown(value) {
  if (typeof value === "string") return pyStrip(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "unendlich" : "minus unendlich";
    const ax = Math.abs(value);
    if (ax >= 1e15 || (value !== 0 && ax < 1e-6)) return pyG(value).replace(".", ",");
    return fmtDecimal(value, 6);
  }
  if (value instanceof Range) return value.toString();
  return String(value);
}

function normalise(text) {
  const t = pyStrip(text).toLowerCase().replace(/\u2212/g, "-"); // typographic minus
  return t.replace(SPACES, ""); // 100 000 → 100000
}

/** A finite real number from a number or text ("4,5", "4.5", "1e6", "1.000,5"). */
export function toFloat(value, key, { grouped = false } = {}) {
  let x;
  if (typeof value === "boolean") throw new InputError(`${key} muss eine Zahl sein, nicht „${shown(value)}“.`, key);
  if (typeof value === "number") {
    x = value;
  } else if (typeof value === "string") {
    let t = normalise(value);
    if (GROUPED.test(t) && (grouped || t.includes(","))) {
      t = t.replace(/\./g, "").replace(/,/g, ".");
    } else if (t.split(",").length === 2 && !t.includes(".")) {
      t = t.replace(",", ".");
    }
    if (!PLAIN.test(t)) throw new InputError(`${key} muss eine Zahl sein, nicht „${shown(value)}“.`, key);
    x = pyFloat(t);
  } else {
    throw new InputError(`${key} muss eine Zahl sein, nicht „${shown(value)}“.`, key);
  }
  if (!Number.isFinite(x)) {
    throw new InputError(`${key} muss eine endliche Zahl sein, nicht „${shown(value)}“.`, key);
  }
  return x;
}

/** A whole number in [lo, hi]. */
export function toInt(value, key, lo, hi, { hint = "" } = {}) {
  const x = toFloat(value, key, { grouped: true });
  if (!Number.isInteger(x)) throw new InputError(`${key} muss eine ganze Zahl sein, nicht „${shown(value)}“.`, key);
  if (x < lo) throw new InputError(`${key} muss mindestens ${fmtNumber(lo)} sein, nicht „${shown(value)}“.`, key);
  if (x > hi) {
    throw new InputError(`${key} darf höchstens ${fmtNumber(hi)} sein${hint}, nicht „${shown(value)}“.`, key);
  }
  return x === 0 ? 0 : x; // no -0
}

/** A share 0…1, also as percent text ("50 %"). */
export function toShare(value, key) {
  let x;
  if (typeof value === "string" && pyStrip(value).endsWith("%")) {
    x = toFloat(pyStrip(value).slice(0, -1), key) / 100.0;
  } else {
    x = toFloat(value, key);
  }
  if (!(x >= 0.0 && x <= 1.0)) {
    throw new InputError(
      `${key} muss zwischen 0 und 1 liegen (oder zwischen 0 % und 100 %), nicht „${shown(value)}“.`,
      key,
    );
  }
  return x;
}

/** A real number in [lo, hi] (or (lo, hi] with `loOpen`). */
export function inInterval(value, key, lo, hi, { loOpen = false } = {}) {
  const x = toFloat(value, key);
  if ((loOpen ? x <= lo : x < lo) || x > hi) {
    const left = loOpen ? `größer als ${fmtDecimal(lo)}` : `mindestens ${fmtDecimal(lo)}`;
    throw new InputError(`${key} muss ${left} und höchstens ${fmtDecimal(hi)} sein, nicht „${shown(value)}“.`, key);
  }
  return x;
}

/** [low, high] from "4-5", "4–5", "8 bis 12", "4,5", "4.5", "≥10", ">=10", "10+", "mindestens 10". */
export function rangeBounds(text, key = null) {
  const name = key || "Der Bereich";
  if (typeof text === "number") {
    const x = toFloat(text, name);
    return [x, x];
  }
  if (typeof text !== "string") {
    throw new InputError(`${name} muss eine Zahl oder ein Bereich sein, nicht „${shown(text)}“.`, key);
  }
  const t = normalise(text);
  if (PLAIN.test(t.replace(",", ".")) || GROUPED.test(t)) {
    const x = toFloat(text, name);
    return [x, x];
  }
  for (const pattern of OPEN) {
    const m = pattern.exec(t);
    if (m) return [toFloat(m.groups.a, name), Infinity];
  }
  const m = BETWEEN.exec(t);
  if (m) {
    const low = toFloat(m.groups.a, name);
    const high = toFloat(m.groups.b, name);
    if (low > high) {
      throw new InputError(`${name}: Bei „${shown(text)}“ ist die untere Grenze größer als die obere.`, key);
    }
    return [low, high];
  }
  throw new InputError(
    `${name} muss eine Zahl oder ein Bereich wie „4–5“, „8 bis 12“ oder „≥10“ sein, nicht „${shown(text)}“.`,
    key,
  );
}

// --- Range (smm_calc/ranges.py) ---------------------------------------------------------------

/** A closed interval [low, high]; `high` is Infinity when the range is open („mindestens …“). */
export class Range {
  constructor(low, high) {
    if (Number.isNaN(low) || Number.isNaN(high) || low === Infinity || low === -Infinity) {
      throw new InputError("Ein Bereich braucht eine endliche untere Grenze.");
    }
    if (low > high) {
      throw new InputError(
        `Bei einem Bereich darf die untere Grenze (${shown(low)}) nicht größer sein als die obere (${shown(high)}).`,
      );
    }
    this.low = low;
    this.high = high;
    Object.freeze(this);
  }

  /** Read "4-5", "4–5", "8 bis 12", "4,5", "4.5", "≥10", ">=10", "10+" or "mindestens 10". */
  static parse(text, key = null) {
    return new Range(...rangeBounds(text, key));
  }

  static point(x) {
    return new Range(x, x);
  }

  static atLeast(x) {
    return new Range(x, Infinity);
  }

  get isOpen() {
    return this.high === Infinity;
  }

  get isPoint() {
    return this.low === this.high;
  }

  /** The upper end, or null when open. */
  get upper() {
    return this.isOpen ? null : this.high;
  }

  equals(other) {
    return other instanceof Range && other.low === this.low && other.high === this.high;
  }

  /** Product of non-negative ranges: (4–5) × (≥10) = ≥40. */
  times(other) {
    const o = typeof other === "number" ? Range.point(other) : other;
    if (Math.min(this.low, o.low) < 0) {
      throw new InputError("Bereiche lassen sich hier nur mit nicht negativen Grenzen multiplizieren.");
    }
    const upper = this.high === 0 || o.high === 0 ? 0.0 : this.high * o.high;
    return new Range(this.low * o.low, upper);
  }

  /** German notation: „4–5“, „4,5“, „mindestens 40“. */
  toString() {
    return this.isPoint ? fmtDecimal(this.low) : fmtDecimalBand(this.low, this.upper);
  }
}

function checkPositive(low, high, key, text) {
  if (Number.isNaN(low) || Number.isNaN(high)) throw new InputError(`${key} muss eine Zahl sein, nicht „${text}“.`, key);
  if (low <= 0) throw new InputError(`${key} muss eine positive Zahl sein, nicht „${text}“.`, key);
  const maxK = limit("MAX_K");
  if (low > maxK || (high > maxK && high !== Infinity)) {
    throw new InputError(`${key} darf höchstens ${fmtNumber(maxK)} sein, nicht „${text}“.`, key);
  }
}

/** A Range (or a number kept as number) whose ends are positive and at most MAX_K. */
export function positiveRange(value, key) {
  let rng;
  let text;
  if (value instanceof Range) {
    rng = value;
    text = value.toString();
  } else if (typeof value === "number") {
    const x = toFloat(value, key);
    checkPositive(x, x, key, shown(value));
    return x;
  } else {
    rng = Range.parse(value, key);
    text = shown(value);
  }
  checkPositive(rng.low, rng.high, key, text);
  return rng;
}

export const validate = {
  kValue: (value, key = "k") => positiveRange(value, key),
  singleK(value, key = "k") {
    const k = positiveRange(value, key);
    if (k instanceof Range) {
      if (!k.isPoint) {
        throw new InputError(
          `${key} muss hier eine einzelne Zahl sein (kein Bereich), nicht „${shown(value)}“; ` +
            "für einen Bereich bitte beide Enden einzeln rechnen.",
          key,
        );
      }
      return k.low;
    }
    return k;
  },
  stufen: (value, key = "stufen") =>
    toInt(value, key, 0, limit("MAX_STUFEN"), { hint: " (mehr Weitererzähl-Stufen sind nicht sinnvoll)" }),
  seeds: (value, key = "startpersonen") => toInt(value, key, 1, limit("MAX_ZIELGRUPPE")),
  zielgruppe(value, nSeeds = 1, key = "zielgruppe") {
    const n = toInt(value, key, 1, limit("MAX_ZIELGRUPPE"));
    if (n < nSeeds) {
      throw new InputError(
        `${key} muss mindestens so groß sein wie die Zahl der Startpersonen (${fmtNumber(nSeeds)}), nicht „${shown(value)}“.`,
        key,
      );
    }
    return n;
  },
  retell: (value, key = "weitererzaehlquote") => toShare(value, key),
  rate: (value, key = "r") => inInterval(value, key, 0.0, limit("MAX_R")),
  dispersion: (value, key = "dispersion") => inInterval(value, key, 0.0, 1e6, { loOpen: true }),
  offspring(value, key = "verteilung") {
    const name = pyStrip(String(value)).toLowerCase();
    const kinds = { poisson: "poisson", geometric: "geometric", geometrisch: "geometric", negbin: "negbin", "negativ-binomial": "negbin" };
    if (!Object.hasOwn(kinds, name)) {
      throw new InputError(`${key} muss „poisson“, „geometrisch“ oder „negbin“ sein, nicht „${shown(value)}“.`, key);
    }
    return kinds[name];
  },
  /** Guard against results too large to compute (instead of printing Infinity or NaN). */
  checkFinite(values, key, what) {
    for (const v of values) {
      if (!Number.isFinite(v) || Math.abs(v) > limit("MAX_RESULT")) {
        throw new InputError(`Die Zahlen werden zu groß (${what}: mehr als 10³⁰⁰); bitte ${key} oder stufen verkleinern.`, key);
      }
    }
  },
};

// --- models (smm_calc/models/snowball.py, branching.py) ---------------------------------------

function band(k, compute) {
  return { low: compute(k.low), high: k.isOpen ? null : compute(k.high), k };
}

/**
 * Naive snowball: every newly informed person tells k new people, new in Stufe s = seeds·kˢ.
 * Returns {new, cumulative} indexed by Stufe 0…stufen, or for a Range k a band {low, high, k}
 * (high null when k is open upwards).
 */
export function naiveReach(k, stufen, seeds = 1) {
  const kk = validate.kValue(k);
  const n = validate.stufen(stufen);
  const nSeeds = validate.seeds(seeds);
  const compute = (x) => {
    const fresh = [0.0];
    const cumulative = [0.0];
    let current = nSeeds;
    for (let s = 0; s < n; s += 1) {
      current *= x;
      fresh.push(current);
      cumulative.push(cumulative[cumulative.length - 1] + current);
    }
    validate.checkFinite(cumulative, "k", "naiver Schneeball");
    return { new: fresh, cumulative, k: x, seeds: nSeeds };
  };
  return kk instanceof Range ? band(kk, compute) : compute(kk);
}

/**
 * Expected reach when every spreader makes k contacts drawn at random from all N people:
 * U₀ = N − seeds, T₀ = seeds, U_{s+1} = U_s·(1 − 1/N)^(k·T_s), T_s = retell·(U_{s−1} − U_s).
 */
export function saturatingReach(k, stufen, zielgruppe, seeds = 1, retell = 1.0) {
  const kk = validate.kValue(k);
  const n = validate.stufen(stufen);
  const nSeeds = validate.seeds(seeds);
  const bigN = validate.zielgruppe(zielgruppe, nSeeds);
  const quota = validate.retell(retell);
  const logMiss = bigN > 1 ? Math.log1p(-1.0 / bigN) : -Infinity;
  const compute = (x) => {
    const fresh = [0.0];
    const cumulative = [0.0];
    let uninformed = bigN - nSeeds;
    let spreaders = nSeeds;
    for (let s = 0; s < n; s += 1) {
      const informed = uninformed > 0 && spreaders > 0 ? uninformed * -Math.expm1(x * spreaders * logMiss) : 0.0;
      uninformed = Math.max(uninformed - informed, 0.0);
      spreaders = quota * informed;
      fresh.push(informed);
      cumulative.push(cumulative[cumulative.length - 1] + informed);
    }
    return { new: fresh, cumulative, k: x, seeds: nSeeds, zielgruppe: bigN, retell: quota };
  };
  return kk instanceof Range ? band(kk, compute) : compute(kk);
}

/** Expected number of people told in an unlimited target group when R = k·retell < 1. */
export function expectedReach(k, retell = 1.0, seeds = 1) {
  const kk = validate.singleK(k);
  const quota = validate.retell(retell);
  const nSeeds = validate.seeds(seeds);
  const r = kk * quota;
  if (r >= 1) {
    throw new InputError(
      `Die erwartete Reichweite ist nur endlich, wenn k · weitererzaehlquote kleiner als 1 ist, nicht „${shown(r)}“.`,
      "weitererzaehlquote",
    );
  }
  return (nSeeds * kk) / (1.0 - r);
}

/** Root of f in [lo, hi] by halving until the bracket cannot shrink (smm_calc/solvers.py). */
export function bisect(f, lo, hi, { maxIter = 200 } = {}) {
  let fLo = f(lo);
  const fHi = f(hi);
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  if (fLo > 0 === fHi > 0) throw new RangeError("bisect: the bracket does not change sign");
  for (let i = 0; i < maxIter; i += 1) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    const fMid = f(mid);
    if (fMid === 0) return mid;
    if (fMid > 0 === fLo > 0) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

function dispersionOf(dispersion) {
  if (dispersion === null || dispersion === undefined) {
    throw new InputError("Für die negative Binomialverteilung fehlt die Dispersion (z. B. 0,2).", "dispersion");
  }
  return validate.dispersion(dispersion);
}

/** The probability generating function G(s) of the offspring distribution with mean r. */
export function offspringPgf(r, offspring = "poisson", dispersion = null) {
  const rate = validate.rate(r);
  const kind = validate.offspring(offspring);
  if (kind === "poisson") return (s) => Math.exp(rate * (s - 1.0));
  if (kind === "geometric") return (s) => 1.0 / (1.0 + rate * (1.0 - s));
  const d = dispersionOf(dispersion);
  return (s) => (1.0 + (rate * (1.0 - s)) / d) ** -d;
}

function turningPoint(r, kind, dispersion) {
  if (kind === "poisson") return 1.0 - Math.log(r) / r;
  const d = kind === "geometric" ? 1.0 : dispersion;
  return 1.0 - (d * Math.expm1(Math.log(r) / (d + 1.0))) / r;
}

/**
 * Probability that the retelling chain started by one teller dies out (1 for r ≤ 1):
 * the smallest root of s = G(s) in [0, 1]. offspring: "poisson", "geometric" or "negbin".
 */
export function extinctionProbability(r, offspring = "poisson", dispersion = null) {
  const rate = validate.rate(r);
  const kind = validate.offspring(offspring);
  const d = kind === "negbin" ? dispersionOf(dispersion) : null;
  if (rate <= 1.0) return 1.0;
  const g = offspringPgf(rate, kind, d);
  const top = Math.min(Math.max(turningPoint(rate, kind, d), 0.0), 1.0);
  if (g(top) - top >= 0) return top; // r so close to 1 that q and 1 cannot be told apart
  return bisect((s) => g(s) - s, 0.0, top);
}

// --- the calculator: from the form's texts to everything the page shows (pure) -----------------

function asRange(value) {
  return value instanceof Range ? value : Range.point(value);
}

function kLabel(rng, name = "k") {
  return rng.isOpen ? `${name} ≥ ${fmtDecimal(rng.low)}` : `${name} = ${rng}`;
}

function rLabel(low, high) {
  return high === null ? `R ≥ ${fmtDecimal(low, 2)}` : `R = ${fmtDecimalBand(low, high, 2)}`;
}

/** Extinction probability in words: „2,0 %“, „0,7–2,0 %“, „höchstens 2,0 %“, „unter 0,1 %“. */
function percentBand(qLow, qHigh) {
  const tiny = (q) => q < 0.0005;
  if (tiny(qHigh)) return `unter 0,1${NBSP}%`;
  if (qLow === null || tiny(qLow)) return `höchstens ${fmtPercent(qHigh)}`;
  return fmtRange(fmtPercent(qLow), fmtPercent(qHigh));
}

/**
 * The branching model's verdict for R = k·faktor·quote (band rLow…rHigh, rHigh null when open):
 * Poisson-distributed retelling, one originator.
 */
export function extinctionVerdict(rLow, rHigh, expected = null) {
  const q = (r) => extinctionProbability(Math.min(r, limit("MAX_R"))); // q(r) is exactly 0 long before MAX_R
  const model = "(Verzweigungsprozess mit Poisson-verteilter Weitergabe, eine Startperson)";
  if (rHigh !== null && rHigh <= 1) {
    let text =
      "Die Mundpropaganda stirbt von selbst aus: Bei R ≤ 1 bricht jede Kette des Weitererzählens mit " +
      `Sicherheit ab ${model}.`;
    if (expected) {
      const only = expected.startsWith("mindestens") ? "" : "nur ";
      text += ` In einer unbegrenzten Zielgruppe erreicht sie im Mittel insgesamt ${only}${expected} Personen.`;
    }
    return { diesOut: "sicher", probabilityLow: 1, probabilityHigh: 1, text };
  }
  const qHigh = q(rLow); // the largest extinction probability belongs to the smallest R
  const qLow = rHigh === null ? null : q(rHigh);
  if (rLow > 1) {
    return {
      diesOut: "moeglich",
      probabilityLow: qLow,
      probabilityHigh: qHigh,
      text:
        "Die Mundpropaganda kann sich von selbst weiterverbreiten, weil R größer als 1 ist. Trotzdem " +
        `bricht sie mit einer Wahrscheinlichkeit von ${percentBand(qLow, qHigh)} früh ab, wenn zufällig ` +
        `niemand weitererzählt ${model}.`,
    };
  }
  const upper = rHigh === null ? "bei größerem R immer seltener" : `bei R = ${fmtDecimal(rHigh, 2)} nur noch mit einer Wahrscheinlichkeit von ${percentBand(qLow, qLow)}`;
  return {
    diesOut: "unklar",
    probabilityLow: qLow,
    probabilityHigh: 1,
    text:
      "Ob die Mundpropaganda von selbst ausstirbt, hängt davon ab, wo R im Bereich liegt: Bei R ≤ 1 " +
      `stirbt sie mit Sicherheit aus, ${upper} ${model}.`,
  };
}

/**
 * Validate the five texts and compute everything the calculator shows.
 * Returns {errors: {field: message}} when any field is unusable, else {errors: {}, result}.
 * Every number in `result` is finite; an open upper end is null – never Infinity or NaN.
 */
export function calculate(texts) {
  ready();
  const errors = {};
  const values = {};
  const check = (field, fn) => {
    const text = texts[field] ?? "";
    if (pyStrip(String(text)) === "") {
      errors[field] = FIELDS[field].empty;
      return;
    }
    try {
      values[field] = fn(text, FIELDS[field].key);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors[field] = error.message;
    }
  };
  check("k", (t, key) => asRange(validate.kValue(t, key)));
  check("faktor", (t, key) => asRange(positiveRange(t, key)));
  check("stufen", (t, key) => validate.stufen(t, key));
  check("zielgruppe", (t, key) => validate.zielgruppe(t, 1, key));
  check("quote", (t, key) => validate.retell(t, key));

  let kEff = null;
  if (values.k && values.faktor) {
    kEff = values.k.times(values.faktor);
    const maxK = limit("MAX_K");
    if (kEff.low > maxK || (!kEff.isOpen && kEff.high > maxK)) {
      errors.faktor = `k × Faktor darf höchstens ${fmtNumber(maxK)} sein, nicht „${kEff}“.`;
    }
  }
  if (Object.keys(errors).length) return { errors };

  const { stufen: n, zielgruppe: bigN, quote: quota } = values;
  let naive;
  try {
    naive = naiveReach(kEff, n, 1);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { errors: { k: error.message } };
  }
  const sat = saturatingReach(kEff, n, bigN, 1, quota);
  const rows = (n > 0 ? Array.from({ length: n }, (_, i) => i + 1) : [0]).map((s) => ({
    stufe: s,
    naivNeu: [naive.low.new[s], naive.high ? naive.high.new[s] : null],
    naiv: [naive.low.cumulative[s], naive.high ? naive.high.cumulative[s] : null],
    saettigung: [sat.low.cumulative[s], sat.high ? sat.high.cumulative[s] : null],
  }));

  const kIn = values.k;
  const factor = values.faktor;
  const kText = factor.equals(Range.point(1))
    ? kLabel(kIn)
    : `${kLabel(kIn)}, ${kLabel(factor, "Faktor")}, zusammen ${kLabel(kEff)}`;
  const setting =
    `${kText}, ${fmtNumber(1)} Startperson, Zielgruppe ${fmtNumber(bigN)}, ` +
    `Weitererzählquote ${fmtPercent(quota, 1, { strip: true })}`;

  // R = k · faktor · quote; with quote 0 nobody retells, whatever k is
  const rLow = kEff.low * quota;
  const rHigh = quota === 0 ? 0 : kEff.isOpen ? null : kEff.high * quota;
  let expected = null;
  if (rHigh !== null && rHigh < 1) {
    const low = expectedReach(kEff.low, quota);
    const high = kEff.isOpen ? null : expectedReach(kEff.high, quota);
    expected = fmtCountBand(low, high);
  }
  const verdict = extinctionVerdict(rLow, rHigh, expected);

  const last = rows[rows.length - 1];
  const summary =
    n === 0
      ? "Mit 0 Stufen gibt es noch keine Reichweite."
      : `Nach Stufe ${n} erreicht die Nachricht ohne Sättigung ${fmtCountBand(...last.naiv)} Personen, ` +
        `mit Sättigung in einer Zielgruppe von ${fmtNumber(bigN)} Personen ${fmtCountBand(...last.saettigung)}.`;

  const result = {
    inputs: { k: kIn, faktor: factor, kEff, stufen: n, zielgruppe: bigN, quote: quota },
    caption: `Reichweite nach Weitererzähl-Stufe (${setting}; Personen)`,
    summary,
    rows: rows.map((row) => ({
      ...row,
      text: {
        naivNeu: fmtCountBand(...row.naivNeu),
        naiv: fmtCountBand(...row.naiv),
        saettigung: fmtCountBand(...row.saettigung),
      },
    })),
    r: { low: rLow, high: rHigh, label: rLabel(rLow, rHigh) },
    verdict,
    openNote: kEff.isOpen
      ? "„mindestens“: k ist nur nach unten begrenzt, deshalb hat die Reichweite keine obere Grenze."
      : null,
  };
  assertFinite(result);
  return { errors: {}, result };
}

/** Defence in depth: no NaN or ±Infinity may ever reach the page. */
function assertFinite(value, path = "result") {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`${path} is not finite: ${value}`);
  } else if (typeof value === "string") {
    if (/NaN|Infinity|undefined/.test(value)) throw new RangeError(`${path} shows ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  } else if (value && typeof value === "object" && !(value instanceof Range)) {
    for (const [key, v] of Object.entries(value)) assertFinite(v, `${path}.${key}`);
  }
}

// --- URL query ---------------------------------------------------------------------------------

/**
 * The calculator's values from a query string. A "+" is a space as in forms, except at the end
 * of a value, where it keeps its meaning „oder mehr“: ?faktor=10+ is „mindestens 10“.
 */
export function readQuery(search) {
  ready();
  const out = {};
  for (const part of search.replace(/^\?/, "").split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? "" : part.slice(eq + 1);
    let key;
    let value;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, " "));
      value = decodeURIComponent(rawValue.replace(/\+(?!$)/g, " "));
    } catch {
      continue; // malformed escapes: ignore the pair
    }
    if (FIELD_NAMES.includes(key) && !(key in out)) out[key] = value;
  }
  return out;
}

/** A query string with the five values (others kept); commas stay readable. */
export function writeQuery(search, values) {
  ready();
  const kept = search
    .replace(/^\?/, "")
    .split("&")
    .filter((part) => part && !FIELD_NAMES.includes(safeDecode(part.split("=")[0])));
  const ours = FIELD_NAMES.map((name) => `${name}=${encodeURIComponent(pyStrip(values[name] ?? "")).replace(/%2C/g, ",")}`);
  return "?" + [...ours, ...kept].join("&");
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

// --- chart (inline SVG) ------------------------------------------------------------------------

const SVG_NS = "http://www.w3.org/2000/svg";

/** Decade ticks for a log axis from lo to hi (both > 0), at most about seven. */
export function logTicks(lo, hi) {
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const step = Math.max(1, Math.ceil((last - first) / 6));
  const ticks = [];
  for (let e = first; e <= last + step - 1; e += step) ticks.push(e);
  return ticks;
}

/** Below this width (in CSS px, one per SVG unit) the chart stacks its legend and thins ticks. */
export const CHART_NARROW = 480;
export const CHART_WIDTH = 640;

/** The width to draw the chart at in a holder `available` CSS px wide: as wide as the holder up
 *  to CHART_WIDTH, so that on a phone one SVG unit is one CSS pixel and the 12 px labels stay
 *  12 px; wider holders scale the 640-unit drawing up, as before. */
export function chartWidth(available) {
  if (!(available > 0) || available >= CHART_WIDTH) return CHART_WIDTH;
  return Math.max(260, Math.floor(available));
}

/** The SVG markup of the chart for `result` (a string, so it can be tested without a DOM). */
export function chartSvg(result, { width = CHART_WIDTH, height = 340, id = "smm-rechner-diagramm" } = {}) {
  const rows = result.rows.filter((row) => row.stufe > 0);
  if (!rows.length) return "";
  const bigN = result.inputs.zielgruppe;
  const narrow = width < CHART_NARROW;
  const margin = narrow
    ? { left: 76, right: 12, top: 70, bottom: 48 }
    : { left: 92, right: 16, top: 58, bottom: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const positive = [bigN];
  for (const row of rows) {
    for (const v of [...row.naiv, ...row.saettigung]) if (v !== null && v > 0) positive.push(v);
  }
  const ticks = logTicks(Math.min(...positive), Math.max(...positive));
  const yLo = ticks[0];
  const yHi = Math.max(ticks[ticks.length - 1], yLo + 1);
  const n = rows[rows.length - 1].stufe;
  const x = (s) => margin.left + (n === 1 ? plotW / 2 : ((s - 1) / (n - 1)) * plotW);
  const y = (v) => margin.top + plotH - ((Math.log10(v) - yLo) / (yHi - yLo)) * plotH;
  const r = (v) => Math.round(v * 10) / 10;
  const esc = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");

  const line = (values) => {
    let d = "";
    let pen = false;
    rows.forEach((row, i) => {
      const v = values[i];
      if (v === null || !(v > 0)) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${r(x(row.stufe))} ${r(y(v))}`;
      pen = true;
    });
    return d;
  };
  const area = (lows, highs) => {
    if (highs.some((v) => v === null) || lows.some((v) => !(v > 0))) return "";
    const top = rows.map((row, i) => `${r(x(row.stufe))} ${r(y(highs[i]))}`);
    const bottom = rows.map((row, i) => `${r(x(row.stufe))} ${r(y(lows[i]))}`).reverse();
    return `M${top.join("L")}L${bottom.join("L")}Z`;
  };
  const series = (name, pick) => {
    const lows = rows.map((row) => row[pick][0]);
    const highs = rows.map((row) => row[pick][1]);
    const parts = [];
    const a = area(lows, highs);
    if (a) parts.push(`<path class="smm-rechner__flaeche smm-rechner__${name}" d="${a}"/>`);
    parts.push(`<path class="smm-rechner__linie smm-rechner__${name}" d="${line(lows)}"/>`);
    if (highs.every((v) => v !== null) && highs.some((v, i) => v !== lows[i])) {
      parts.push(`<path class="smm-rechner__linie smm-rechner__${name}" d="${line(highs)}"/>`);
    }
    return parts.join("");
  };

  const out = [];
  const last = result.rows[result.rows.length - 1];
  const desc =
    `Liniendiagramm mit logarithmischer y-Achse: Reichweite nach Weitererzähl-Stufe 1 bis ${n}. ` +
    `Nach Stufe ${n} ergibt der naive Schneeball ${last.text.naiv} Personen, mit Sättigung in einer ` +
    `Zielgruppe von ${fmtNumber(bigN)} sind es ${last.text.saettigung}.`;
  out.push(
    `<svg xmlns="${SVG_NS}" viewBox="0 0 ${width} ${height}" role="img" ` +
      `aria-labelledby="${id}-titel ${id}-beschreibung" class="smm-rechner__svg">`,
    `<title id="${id}-titel">Reichweite: naiver Schneeball und Sättigung</title>`,
    `<desc id="${id}-beschreibung">${esc(desc)}</desc>`,
  );
  // grid and y ticks
  for (let e = yLo; e <= yHi; e += ticks.length > 1 ? ticks[1] - ticks[0] : 1) {
    const ty = r(y(10 ** e));
    out.push(`<line class="smm-rechner__gitter" x1="${margin.left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}"/>`);
    out.push(`<text class="smm-rechner__achsentext" x="${margin.left - 8}" y="${ty}" text-anchor="end" dominant-baseline="middle">${esc(axisCount(Number(`1e${e}`)))}</text>`);
  }
  // x ticks
  // at most one label per 32 px (narrow) or per tenth of the stages
  const xStep = narrow ? Math.max(1, Math.ceil(n / Math.max(1, Math.floor(plotW / 32)))) : n <= 12 ? 1 : Math.ceil(n / 10);
  for (let s = 1; s <= n; s += xStep) {
    out.push(`<text class="smm-rechner__achsentext" x="${r(x(s))}" y="${height - margin.bottom + 18}" text-anchor="middle">${s}</text>`);
  }
  out.push(`<text class="smm-rechner__achsentext" x="${margin.left + plotW / 2}" y="${height - 8}" text-anchor="middle">Weitererzähl-Stufe</text>`);
  out.push(`<text class="smm-rechner__achsentext" x="14" y="${margin.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 14 ${margin.top + plotH / 2})">Reichweite (Personen)</text>`);
  // target group
  const gy = r(y(bigN));
  out.push(`<line class="smm-rechner__zielgruppe" x1="${margin.left}" x2="${width - margin.right}" y1="${gy}" y2="${gy}"/>`);
  out.push(`<text class="smm-rechner__achsentext" x="${margin.left + 6}" y="${gy - 6}">Zielgruppe: ${esc(fmtNumber(bigN))}</text>`);
  out.push(series("naiv", "naiv"), series("saettigung", "saettigung"));
  // axes
  out.push(`<path class="smm-rechner__achse" d="M${margin.left} ${margin.top}V${margin.top + plotH}H${width - margin.right}"/>`);
  // legend: two columns, or one below the other on a narrow chart
  const legendX = narrow ? margin.left : margin.left + 220;
  const legendY = narrow ? 54 : 14;
  out.push(
    `<g class="smm-rechner__legende">` +
      `<line class="smm-rechner__linie smm-rechner__naiv" x1="${margin.left}" x2="${margin.left + 28}" y1="14" y2="14"/>` +
      `<text class="smm-rechner__achsentext" x="${margin.left + 36}" y="14" dominant-baseline="middle">naiver Schneeball</text>` +
      `<line class="smm-rechner__linie smm-rechner__saettigung" x1="${margin.left}" x2="${margin.left + 28}" y1="34" y2="34"/>` +
      `<text class="smm-rechner__achsentext" x="${margin.left + 36}" y="34" dominant-baseline="middle">mit Sättigung</text>` +
      `<line class="smm-rechner__zielgruppe" x1="${legendX}" x2="${legendX + 28}" y1="${legendY}" y2="${legendY}"/>` +
      `<text class="smm-rechner__achsentext" x="${legendX + 36}" y="${legendY}" dominant-baseline="middle">Größe der Zielgruppe</text>` +
      `</g>`,
  );
  out.push("</svg>");
  return out.join("");
}

// --- the page (browser only) ---------------------------------------------------------------------

const URL_DELAY_MS = 250; // Safari refuses more than 100 replaceState calls in 30 s
// Screen readers hear one sentence once typing pauses – not the table, not every half-typed value
const ANNOUNCE_DELAY_MS = 1000;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function rawNumber(v) {
  return v === null ? "" : String(v);
}

/** Wire up one calculator: `root` is the element with data-smm-rechner. */
export function mount(root) {
  if (root.dataset.smmBereit === "ja") return;
  const form = root.querySelector("form");
  const output = root.querySelector("[data-smm-ergebnis]");
  const chart = root.querySelector("[data-smm-diagramm]");
  const status = root.querySelector("[data-smm-meldung]");
  if (!form || !output) return;
  // smm_calc's limits and fields, written into the page by the build (hooks/rechner.py)
  configure(JSON.parse(root.dataset.smmWerte || "null"));
  root.dataset.smmBereit = "ja";
  const fields = Object.fromEntries(FIELD_NAMES.map((name) => [name, form.elements.namedItem(name)]));
  let lastValid = null;
  let urlTimer = null;
  let announceTimer = null;

  const query = readQuery(window.location.search);
  // The address is the truth (not values a browser restored into the form): query or default.
  for (const name of FIELD_NAMES) {
    if (fields[name]) fields[name].value = name in query ? query[name] : FIELDS[name].default;
  }

  const texts = () => Object.fromEntries(FIELD_NAMES.map((name) => [name, fields[name] ? fields[name].value : ""]));

  function showErrors(errors) {
    for (const name of FIELD_NAMES) {
      const input = fields[name];
      if (!input) continue;
      const box = document.getElementById(`${input.id}-fehler`);
      const hint = `${input.id}-hinweis`;
      if (errors[name]) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", `${input.id}-fehler ${hint}`);
        if (box) {
          box.textContent = errors[name];
          box.hidden = false;
        }
      } else {
        input.removeAttribute("aria-invalid");
        input.setAttribute("aria-describedby", hint);
        if (box) {
          box.textContent = "";
          box.hidden = true;
        }
      }
    }
  }

  function render(result) {
    const table = el("table", { "data-smm-tabelle": "" });
    table.append(el("caption", {}, result.caption));
    const head = el("tr");
    // On a narrow screen the stylesheet leaves out the side column, so the reach columns fit.
    const side = { class: "smm-rechner__nebenspalte" };
    head.append(el("th", { scope: "col" }, "Stufe"), el("th", { scope: "col", ...side }, "neu informiert (naiv)"));
    for (const title of ["Reichweite (naiv)", "Reichweite mit Sättigung"]) {
      head.append(el("th", { scope: "col" }, title));
    }
    table.append(el("thead", {}, head));
    const body = el("tbody");
    for (const row of result.rows) {
      body.append(
        el(
          "tr",
          {
            "data-stufe": String(row.stufe),
            "data-naiv-min": rawNumber(row.naiv[0]),
            "data-naiv-max": rawNumber(row.naiv[1]),
            "data-saettigung-min": rawNumber(row.saettigung[0]),
            "data-saettigung-max": rawNumber(row.saettigung[1]),
          },
          el("th", { scope: "row" }, String(row.stufe)),
          el("td", side, row.text.naivNeu),
          el("td", {}, row.text.naiv),
          el("td", {}, row.text.saettigung),
        ),
      );
    }
    table.append(body);
    const scroller = el("div", { class: "smm-rechner__tabelle" }, table);
    const rate = el("p", {
      class: "smm-rechner__rate",
      "data-r-min": rawNumber(result.r.low),
      "data-r-max": rawNumber(result.r.high),
      "data-aussterben-min": rawNumber(result.verdict.probabilityLow),
      "data-aussterben-max": rawNumber(result.verdict.probabilityHigh),
    });
    rate.append(el("strong", {}, `Effektive Weitererzählrate ${result.r.label}`), ` (k · Faktor · Weitererzählquote). ${result.verdict.text}`);
    const parts = [el("p", { class: "smm-rechner__zusammenfassung", "data-smm-zusammenfassung": "" }, result.summary), rate, scroller];
    if (result.openNote) parts.push(el("p", { class: "smm-rechner__notiz" }, result.openNote));
    output.replaceChildren(...parts);
    scrollable();
    drawChart(result);
  }

  /** The chart, laid out for the width it has (measured while shown). */
  let chartDrawnAt = null;
  function drawChart(result) {
    if (!chart) return;
    const holder = chart.querySelector("[data-smm-svg]") || chart;
    chart.hidden = false;
    const width = chartWidth(holder.clientWidth);
    const svg = chartSvg(result, { width });
    chart.hidden = !svg;
    holder.innerHTML = svg;
    chartDrawnAt = width;
  }

  /** Keyboard users can scroll a wide table (as Material does for its own tables). */
  function scrollable() {
    const scroller = output.querySelector(".smm-rechner__tabelle");
    if (!scroller) return;
    if (scroller.scrollWidth > scroller.clientWidth) {
      scroller.setAttribute("tabindex", "0");
      scroller.setAttribute("role", "region");
      scroller.setAttribute("aria-label", "Ergebnistabelle (seitlich scrollbar)");
    } else {
      for (const name of ["tabindex", "role", "aria-label"]) scroller.removeAttribute(name);
    }
  }

  function update() {
    const { errors, result } = calculate(texts());
    showErrors(errors);
    if (result) {
      lastValid = result;
      render(result);
    } else {
      const stale = lastValid
        ? "Bitte die markierten Eingaben korrigieren. Bis dahin zeigt der Rechner die Ergebnisse der letzten gültigen Eingabe."
        : "Bitte die markierten Eingaben korrigieren; dann erscheinen hier die Ergebnisse.";
      let status = output.querySelector("[data-smm-status]");
      if (!status) {
        status = el("p", { class: "smm-rechner__status", "data-smm-status": "" });
        output.prepend(status);
      }
      status.textContent = stale;
      if (!lastValid && chart) chart.hidden = true;
    }
    return Boolean(result);
  }

  /**
   * The status region (role=status) gets one sentence: the summary of the results, or the message
   * for the field being edited. The results themselves are not live – a whole table read out on
   * every keystroke helps nobody (WCAG 4.1.3).
   */
  function announce(edited) {
    clearTimeout(announceTimer);
    announceTimer = null;
    if (!status || !root.isConnected) return;
    const { errors, result } = calculate(texts());
    const field = errors[edited] ? edited : FIELD_NAMES.find((name) => errors[name]);
    let text = result ? result.summary : "";
    if (field) {
      const label = form.querySelector(`label[for="${fields[field].id}"]`);
      text = `${label ? label.textContent.trim() : field}: ${errors[field]}`;
    }
    if (status.textContent !== text) status.textContent = text;
  }

  function scheduleAnnounce(edited) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => announce(edited), ANNOUNCE_DELAY_MS);
  }

  function writeUrl() {
    clearTimeout(urlTimer);
    urlTimer = null;
    if (!root.isConnected) return; // instant navigation has moved on to another page
    const url = new URL(window.location.href);
    const search = writeQuery(url.search, texts());
    if (search === url.search) return;
    try {
      window.history.replaceState(window.history.state, "", url.pathname + search + url.hash);
    } catch {
      // a browser limit on replaceState: the page works on, the address just lags behind
    }
  }

  function scheduleUrl() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrl, URL_DELAY_MS);
  }

  form.addEventListener("input", (event) => {
    update();
    scheduleUrl();
    scheduleAnnounce(event.target.name);
  });
  form.addEventListener("change", () => writeUrl());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
    writeUrl();
    announce(document.activeElement && document.activeElement.name);
  });
  for (const button of root.querySelectorAll("button[data-k]")) {
    button.addEventListener("click", () => {
      fields.k.value = button.dataset.k;
      fields.faktor.value = button.dataset.faktor;
      update();
      writeUrl();
      announce("k");
    });
  }
  window.addEventListener("pagehide", () => urlTimer && writeUrl(), { once: true });
  window.addEventListener("resize", () => {
    if (!root.isConnected) return;
    scrollable();
    const holder = chart && (chart.querySelector("[data-smm-svg]") || chart);
    if (lastValid && holder && !chart.hidden && chartWidth(holder.clientWidth) !== chartDrawnAt) drawChart(lastValid);
  });

  for (const node of document.querySelectorAll("[data-smm-ohne-js]")) node.hidden = true;
  root.hidden = false;
  update();
}

function mountAll() {
  for (const root of document.querySelectorAll("[data-smm-rechner]")) mount(root);
}

if (typeof window !== "undefined" && typeof document !== "undefined") {
  // Material's instant navigation swaps pages without reloading scripts; document$ emits for
  // every page it shows (and once for a normal load). Without Material, wait for the DOM.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll, { once: true });
  } else {
    mountAll();
  }
}
