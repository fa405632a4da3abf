import path from 'node:path'
import type {JsonRecord} from '../datasets/definition.js'
import type {Entry} from '../types/entries.js'
import {feedsOf, type Feed} from './feed-entries.js'
import {writeFileAtomic} from './write-file-atomic.js'
import {xmlAttribute, xmlText} from './xml-text.js'

/**
 * Atom 1.0 (RFC 4287) feeds of the announcements, one file per locale,
 * `<locale in lower case>.atom`: what they hold is decided in `feed-entries.ts`, here it
 * is written as XML. Titles and summaries are plain text (`type="text"`).
 */

function element(name: string, text: string, indent: string): string {
  return `${indent}<${name}>${xmlText(text)}</${name}>\n`
}

/** The XML of one feed. */
export function atomXml(feed: Feed): string {
  let xml = '<?xml version="1.0" encoding="utf-8"?>\n'
  xml += `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlAttribute(feed.locale)}">\n`
  xml += element('id', feed.id, '  ')
  xml += `  <title type="text">${xmlText(feed.title)}</title>\n`
  xml += element('updated', feed.updated, '  ')
  xml += `  <link rel="alternate" type="text/html" href="${xmlAttribute(feed.link)}"/>\n`
  xml += '  <author>\n    <name>Microsoft</name>\n  </author>\n'
  xml += '  <generator>Herald</generator>\n'
  for (const entry of feed.entries) {
    xml += '  <entry>\n'
    xml += element('id', entry.id, '    ')
    xml += `    <title type="text">${xmlText(entry.title)}</title>\n`
    xml += `    <link rel="alternate" type="text/html" href="${xmlAttribute(entry.link)}"/>\n`
    xml += element('published', entry.published, '    ')
    xml += element('updated', entry.updated, '    ')
    if (entry.summary !== undefined) {
      xml += `    <summary type="text">${xmlText(entry.summary)}</summary>\n`
    }

    xml += '  </entry>\n'
  }

  return xml + '</feed>\n'
}

/** A feed written: its locale, file and number of entries. */
export interface WrittenFeed {
  locale: string
  file: string
  entries: number
}

/**
 * Writes the feed of every locale of `entries` (validated records of `entries.json`)
 * into `folder`, `size` announcements each.
 */
export function writeAtomFeeds(
  folder: string,
  entries: readonly JsonRecord[],
  size?: number
): WrittenFeed[] {
  return feedsOf(entries as unknown as Entry[], size).map((feed) => {
    const file = path.join(folder, `${feed.slug}.atom`)
    writeFileAtomic(file, atomXml(feed))
    return {locale: feed.locale, file, entries: feed.entries.length}
  })
}
