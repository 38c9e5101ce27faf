import { loadNatoDecks } from "../seeds/load";
import { withAppDatabase } from "./support/app-database";

const result = await withAppDatabase((db) => loadNatoDecks(db));
console.log(`NATO decks: ${result.decks} deck(s), ${result.cards} cards, ${result.created} new.`);
