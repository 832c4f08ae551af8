/**
 * Sealing refresh tokens at rest: tokens granted with {@code offline_access} are sealed with AES-256-GCM
 * ({@code TokenCipher}; key from configuration, rotation by keeping old keys for opening) before they are stored, and
 * opened only to be used ({@code TokenSealer}). The principal and the Resonite id are authenticated data of the seal,
 * so a token copied onto another row is useless. Using them is the {@code refresh} feature's job.
 */
package dev.resonitelink.sealing;
