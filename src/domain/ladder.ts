// The ladder of amicable recovery (docs/ladder.md): four steps, their offsets per profile.

export const STEP_LABELS = [
  "Relance de courtoisie",
  "Relance ferme",
  "Mise en demeure",
  "Transmission à un professionnel",
] as const;

export type StepLabel = (typeof STEP_LABELS)[number];
/** 1 = courtesy reminder, 2 = firm reminder, 3 = formal notice, 4 = handover. */
export type StepNumber = 1 | 2 | 3 | 4;
export const PROFILES = ["Standard", "Fidèle", "En difficulté", "Récalcitrant"] as const;
export type Profile = (typeof PROFILES)[number];

export const CLIENT_TYPES = ["Professionnel", "Particulier"] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

/** Days after the due date at which each step of a profile's ladder falls; a step a
 * profile skips is absent. */
export type LadderOffsets = Partial<Record<StepNumber, number>>;

export interface LadderSettings {
  offsets: Record<Profile, LadderOffsets>;
  /** Minimum days between two contacts with a debtor (anti-harassment). */
  gapDays: number;
  /** Days given by the mise en demeure to pay. */
  formalNoticeDeadlineDays: number;
}

/** Days the Relance ferme gives to pay (« au plus tard le … »): the mise en demeure waits
 * for them to run out. */
export const FIRM_REMINDER_DEADLINE_DAYS = 8;

const STANDARD_OFFSETS: LadderOffsets = { 1: 1, 2: 7, 3: 20, 4: 30 };

export const DEFAULT_LADDER: LadderSettings = {
  offsets: {
    Standard: STANDARD_OFFSETS,
    Fidèle: STANDARD_OFFSETS,
    "En difficulté": STANDARD_OFFSETS,
    Récalcitrant: { 2: 1, 3: 10, 4: 20 },
  },
  gapDays: 5,
  formalNoticeDeadlineDays: 8,
};

export function stepLabel(step: StepNumber): StepLabel {
  return STEP_LABELS[step - 1] as StepLabel;
}

const stepsCache = new WeakMap<LadderOffsets, StepNumber[]>();

/** The steps of a profile's ladder, in order. */
export function ladderSteps(settings: LadderSettings, profile: Profile): StepNumber[] {
  const offsets = settings.offsets[profile];
  let steps = stepsCache.get(offsets);
  if (!steps) {
    steps = ([1, 2, 3, 4] as const).filter((s) => offsets[s] !== undefined);
    stepsCache.set(offsets, steps);
  }
  return steps;
}

/** The first step of the profile's ladder after `lastStep` (the first of all when none). */
export function stepAfter(
  settings: LadderSettings,
  profile: Profile,
  lastStep: StepNumber | undefined,
): StepNumber | undefined {
  return ladderSteps(settings, profile).find((s) => s > (lastStep ?? 0));
}
