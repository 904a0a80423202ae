//! The costs of the aligner's beads: their priors and the flat costs of a missing or
//! unsupported sentence. The length cost of a bead comes from the length model
//! ([`crate::text::length`]): `−ln P(bead kind) − ln P(|δ| or worse)`.

/// Length cost of a bead with one side empty (1-0, 0-1), in place of the Gale–Church
/// cost of the text against nothing.
///
/// Gale–Church score a deletion like any bead, with `l_vi = 0`, so deleting a sentence of
/// 100 characters costs about 30 nats: the aligner would rather glue an untranslated
/// sentence to its neighbour (a 2-1 bead whose lengths fit badly costs far less) than
/// leave it alone, which turns every real deletion into a wrong merge and spoils the link
/// next to it. A translator who drops a sentence drops it whatever its length, so the
/// length says nothing about a deletion; we charge a flat 3 nats (the cost of a 1-1 bead
/// about 2.2 standard deviations off), on top of the deletion's prior. A merge then has
/// to fit its lengths within about 3 standard deviations to beat a deletion.
pub const ONE_SIDED_LENGTH_COST: f64 = 3.0;

/// Cost of leaving one sentence out: the 1-0 prior and the flat length cost.
const DELETION_COST: f64 = 5.311_635 + ONE_SIDED_LENGTH_COST;

/// Cost charged to a merge (2-1, 1-2, 3-1...) for each sentence of its larger side of which
/// nothing is found on the other side, and to a 1-1 pair for a sentence whose partner's
/// content is absent (see `dp::Scorer::bead_cost`): the deletion cost less
/// what the merge already pays over a 1-1 bead (its prior, `ln 0.89 − ln 0.0445`). So a
/// merge that only lengths support costs what leaving the sentence out costs, and the
/// lengths alone tip the balance, which the posterior then shows as doubt. 5.31 nats.
pub const UNSUPPORTED_COST: f64 = DELETION_COST - (3.111_496 - 0.116_533);

/// Cost charged to any two-sided bead (1-1 as well as a merge) for each sentence whose
/// content (numbers, dates, addresses, quotations, glossary terms) is all absent on the
/// other side: the whole deletion cost, in place of those anchors' misses, so that pairing
/// the sentence with the wrong one costs what leaving it out does (see
/// `dp::evidence_charge`).
pub const CONTRADICTED_COST: f64 = DELETION_COST;

/// Gale–Church's own figures (English / French / German), used by the plain baseline.
pub const GC_RATIO: f64 = 1.0;
pub const GC_VARIANCE: f64 = 6.8;

/// A bead kind: how many English and Vietnamese units it takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BeadKind {
    pub en: usize,
    pub vi: usize,
    /// `−ln P(kind)`.
    pub prior: f64,
}

const fn bead(en: usize, vi: usize, prior: f64) -> BeadKind {
    BeadKind { en, vi, prior }
}

/// Sentence beads inside an aligned paragraph group. The priors are Gale–Church's
/// (1-1 0.89, 1-0 + 0-1 0.0099, 2-1 + 1-2 0.089, 2-2 0.011), with 1-3 / 3-1 added at 0.002
/// each. Costs are `−ln p`, written out so no float work happens at start-up. Checked on
/// the seed example: it aligns with these figures and gets the one 2-1 right.
pub(crate) const SENTENCE_BEADS: &[BeadKind] = &[
    bead(1, 1, 0.116_533), // −ln 0.89
    bead(1, 0, 5.311_635), // −ln 0.00495
    bead(0, 1, 5.311_635), // −ln 0.00495
    bead(2, 1, 3.111_496), // −ln 0.0445
    bead(1, 2, 3.111_496), // −ln 0.0445
    bead(2, 2, 4.509_860), // −ln 0.011
    bead(3, 1, 6.214_608), // −ln 0.002
    bead(1, 3, 6.214_608), // −ln 0.002
];

/// Paragraph beads: paragraphs are kept far more often than sentences, and a paragraph
/// split or join is rarer than a sentence one (1-1 0.94, 1-0 / 0-1 0.01 each, 2-1 / 1-2
/// 0.015 each, 2-2 0.01).
pub(crate) const PARAGRAPH_BEADS: &[BeadKind] = &[
    bead(1, 1, 0.061_875), // −ln 0.94
    bead(1, 0, 4.605_170), // −ln 0.01
    bead(0, 1, 4.605_170), // −ln 0.01
    bead(2, 1, 4.199_705), // −ln 0.015
    bead(1, 2, 4.199_705), // −ln 0.015
    bead(2, 2, 4.605_170), // −ln 0.01
];

/// The beads of the plain Gale–Church baseline (their paper's table).
pub(crate) const GALE_CHURCH_BEADS: &[BeadKind] = &[
    bead(1, 1, 0.116_533), // −ln 0.89
    bead(1, 0, 5.311_635), // −ln 0.0099 / 2
    bead(0, 1, 5.311_635),
    bead(2, 1, 3.111_496), // −ln 0.089 / 2
    bead(1, 2, 3.111_496),
    bead(2, 2, 4.509_860), // −ln 0.011
];
