/** IPv6 network arithmetic needed to keep `cidr` exact in KQL. */

function parseIpv6(text: string): bigint | null {
  let head = text;
  let tail = "";
  const dbl = text.indexOf("::");
  if (dbl >= 0) { head = text.slice(0, dbl); tail = text.slice(dbl + 2); }
  const toGroups = (s: string): number[] | null => {
    if (s === "") return [];
    const out: number[] = [];
    for (const g of s.split(":")) {
      if (g.includes(".")) {
        const b = g.split(".").map(Number);
        if (b.length !== 4 || b.some((x) => !(x >= 0 && x <= 255))) return null;
        out.push((b[0] << 8) | b[1], (b[2] << 8) | b[3]);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return null;
    }
    return out;
  };
  const h = toGroups(head);
  const t = toGroups(tail);
  if (!h || !t) return null;
  const fill = dbl >= 0 ? 8 - h.length - t.length : 0;
  if (fill < 0 || (dbl < 0 && h.length !== 8)) return null;
  const groups = [...h, ...new Array(fill).fill(0), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/**
 * True when an IPv6 network shares addresses with the IPv4-mapped block ::ffff:0:0/96. KQL's ipv6 functions read
 * IPv4 addresses as mapped IPv6 ones, so such a network would also match IPv4 values, which Sigma's `cidr` does not.
 */
export function cidrOverlapsIpv4Mapped(network: string): boolean {
  const [addr, lenText] = network.split("/");
  const len = lenText === undefined ? 128 : Number(lenText);
  const value = parseIpv6(addr);
  if (value === null || !(len >= 0 && len <= 128)) return true;
  const mapped = 0xffffn << 32n;
  const common = BigInt(Math.min(len, 96));
  const shift = 128n - common;
  return value >> shift === mapped >> shift;
}
