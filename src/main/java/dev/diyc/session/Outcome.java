package dev.diyc.session;

/** How a REPL line ended: it worked, it failed (scripted mode counts these), or it asked to leave diyc. */
public enum Outcome { OK, FAILED, QUIT }
