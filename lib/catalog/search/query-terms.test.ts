import { describe, expect, it } from "vitest";
import { parseSearchTerms, toFts5Match, toIlikePattern } from "./query-terms";

describe("toFts5Match", () => {
  it.each([
    ["powershell", '"powershell"*'],
    ["T1059.001", '"t1059 001"*'],
    ["6ddff2e8-ea1a-45d0-8938-93dfc1d67ae7", '"6ddff2e8 ea1a 45d0 8938 93dfc1d67ae7"*'],
    ["restic  backup", '"restic"* AND "backup"*'],
    ['mimi" OR x NEAR(', '"mimi"* AND "or"* AND "x"* AND "near"*'],
    ["-- ** ::", null],
    ["", null],
  ])("%j", (q, expected) => expect(toFts5Match(parseSearchTerms(q))).toBe(expected));
});

describe("toIlikePattern", () => {
  it.each([
    ["t1059.001", "%t1059%001%"],
    ["100%_x", "%100%x%"],
  ])("%j", (q, expected) => expect(toIlikePattern(parseSearchTerms(q)[0])).toBe(expected));
});
