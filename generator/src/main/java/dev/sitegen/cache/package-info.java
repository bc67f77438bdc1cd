/**
 * What loading keeps between builds: content fingerprints ({@link dev.sitegen.cache.Fingerprint}) and the typed
 * cache of parsed files ({@link dev.sitegen.cache.LoadCache}). The render's cache of pages ({@code RenderCache}, the
 * dev server's {@code Memo}) and the keys that decide reuse ({@code PageReuse}) live in {@code render/}: their entries
 * are made of rendered Markdown and link uses, and holding them here would make this package and {@code content/}
 * depend on each other.
 */
package dev.sitegen.cache;
