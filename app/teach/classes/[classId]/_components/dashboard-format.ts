/** "42%", or a dash where there is nothing to measure yet. */
export const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

/** The hardest cards listed, on phones and in the table alike. */
export const CARDS_SHOWN = 25;
