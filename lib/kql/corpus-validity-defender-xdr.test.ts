/** Every defender-xdr query converted from the SigmaHQ snapshot parses and analyses cleanly with the Kusto parser. */
import { describe, it } from "vitest";
import { corpusAvailable, SIGMA_DIR } from "./testing/corpus";
import { checkCorpusValidity } from "./testing/corpus-validity";

describe.skipIf(!corpusAvailable())(`corpus validity for defender-xdr (needs ${SIGMA_DIR})`, () => {
  it("emits only queries the Kusto parser accepts, naming only columns of their table", () => {
    checkCorpusValidity("defender-xdr");
  }, 600_000);
});
