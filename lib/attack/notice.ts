/**
 * MITRE's terms of use for ATT&CK require every copy to reproduce MITRE's copyright designation and licence.
 * The app shows MITRE_ATTACK_NOTICE wherever ATT&CK data appears (footer and About page).
 * Source: LICENSE.txt of mitre/cti, https://attack.mitre.org/resources/legal-and-branding/terms-of-use/.
 */

/** The copyright line MITRE requires next to any reproduction of ATT&CK. */
export const MITRE_ATTACK_NOTICE =
  "© 2026 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.";

/** MITRE's licence grant, to show in full on the About page. */
export const MITRE_ATTACK_LICENSE =
  "The MITRE Corporation (MITRE) hereby grants you a non-exclusive, royalty-free license to use ATT&CK® for research, development, and commercial purposes. Any copy you make for such purposes is authorized provided that you reproduce MITRE's copyright designation and this license in any such copy.";

/** MITRE's trademark statement ("MITRE ATT&CK and ATT&CK are registered trademarks…"). */
export const MITRE_ATTACK_TRADEMARK =
  "MITRE ATT&CK and ATT&CK are registered trademarks of The MITRE Corporation.";

/** Where the terms of use live. */
export const MITRE_ATTACK_TERMS_URL = "https://attack.mitre.org/resources/legal-and-branding/terms-of-use/";
