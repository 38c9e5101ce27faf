import Link from "next/link";
import { ANY_FLAG } from "@/lib/cards/data";
import type { CardFilter } from "@/lib/cards/schema";
import { KIND_NAMES } from "../../../_components/kind-names";
import { inputClass, labelClass, secondaryButton } from "../../../_components/styles";

/** A plain GET form, so filtering works before JavaScript loads and the URL can be shared. */
export function CardFilters({ action, filter, tags, flags }: { action: string; filter: CardFilter; tags: string[]; flags: string[] }) {
  return (
    <form action={action} method="get" role="search" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
      <div className="flex flex-col gap-1 lg:col-span-2">
        <label htmlFor="card-search" className={labelClass}>
          Search cards
        </label>
        <input id="card-search" name="q" type="search" defaultValue={filter.q ?? ""} className={inputClass} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-tag" className={labelClass}>
          Tag
        </label>
        <select id="filter-tag" name="tag" defaultValue={filter.tag ?? ""} className={inputClass}>
          <option value="">Any tag</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-kind" className={labelClass}>
          Kind
        </label>
        <select id="filter-kind" name="kind" defaultValue={filter.kind ?? ""} className={inputClass}>
          <option value="">Any kind</option>
          {Object.entries(KIND_NAMES).map(([kind, name]) => (
            <option key={kind} value={kind}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-flag" className={labelClass}>
          Flag
        </label>
        <select id="filter-flag" name="flag" defaultValue={filter.flag ?? ""} className={inputClass}>
          <option value="">Flagged or not</option>
          <option value={ANY_FLAG}>Any flag</option>
          {flags.map((flag) => (
            <option key={flag} value={flag}>
              {flag}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-5">
        <button type="submit" className={secondaryButton}>
          Filter
        </button>
        <Link href={action} className={secondaryButton}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
