import {compareCodePoints} from '../compare.js'
import type {Diff} from '../types/diff.js'
import type {OfferTimeline, OfferVersion} from '../types/offer-history.js'
import type {Offer} from '../types/offers.js'
import {historyChanges, identity, topFields, type Point} from './timeline-fields.js'

interface OfferState {
  timeline: Omit<OfferTimeline, 'versions' | 'entries'> & {versions: OfferVersion[]}
  entries: Set<string>
  present: boolean
}

const changeOrder = {removed: 0, added: 1, changed: 2}

/** Offer-ID timelines: versions from the diffs, presence and entries from the datasets. */
export class OfferTimelines {
  private readonly byId = new Map<string, OfferState>()

  fold(diff: Diff['offers'], at: Point): void {
    const items = [
      ...diff.removed.map((item) => ({item, change: 'removed' as const, changes: []})),
      ...diff.added.map((item) => ({item, change: 'added' as const, changes: []})),
      ...diff.changed.map((item) => ({item, change: 'changed' as const, changes: item.changes}))
    ].sort(
      (a, b) =>
        compareCodePoints(a.item.entryKey, b.item.entryKey) ||
        compareCodePoints(a.item.role ?? '', b.item.role ?? '') ||
        changeOrder[a.change] - changeOrder[b.change]
    )

    for (const {item, change, changes} of items) {
      // A timeline follows an offer ID; a record with only a Material ID has none to follow.
      if (item.offerId === null) continue
      const id = identity(item.locale, item.flavour, item.offerId)
      let state = this.byId.get(id)
      if (!state) {
        if (change !== 'added') throw new Error(`History: no timeline for offer ${item.offerId}`)
        state = {
          timeline: {
            offerId: item.offerId,
            locale: item.locale,
            flavour: item.flavour,
            name: null,
            materialId: null,
            firstSeen: at,
            lastChanged: at,
            removed: null,
            versions: []
          },
          entries: new Set(),
          present: false
        }
        this.byId.set(id, state)
      }

      const list = historyChanges(changes)
      state.timeline.versions.push({
        ...at,
        change,
        entryKey: item.entryKey,
        role: item.role ?? '',
        fields: topFields(list),
        changes: list
      })
      state.timeline.lastChanged = at
    }
  }

  /**
   * Reads the offers as this commit has them: the entries each offer ID appears under,
   * its current name and Material ID, and whether any page still has it.
   */
  observe(offers: readonly Offer[], at: Point): void {
    const seen = new Set<OfferState>()
    for (const offer of offers) {
      if (offer.offerId === null) continue
      const state = this.byId.get(identity(offer.locale, offer.flavour, offer.offerId))
      if (!state) continue
      state.entries.add(offer.entryKey)
      if (seen.has(state)) continue
      seen.add(state)
      state.timeline.name = offer.name
      state.timeline.materialId = offer.materialId
    }

    for (const state of this.byId.values()) {
      const present = seen.has(state)
      if (state.present && !present) state.timeline.removed = at
      if (present) state.timeline.removed = null
      state.present = present
    }
  }

  dataset(): OfferTimeline[] {
    return [...this.byId.values()]
      .map(({timeline, entries}): OfferTimeline => ({
        ...timeline,
        entries: [...entries].sort(compareCodePoints) as OfferTimeline['entries'],
        versions: timeline.versions as OfferTimeline['versions']
      }))
      .sort(
        (a, b) =>
          compareCodePoints(a.locale, b.locale) ||
          compareCodePoints(a.flavour, b.flavour) ||
          compareCodePoints(a.offerId, b.offerId)
      )
  }
}
