package org.roundtable.misplaced.foreign;

import org.roundtable.misplaced.query.PanelFacts;

/** Misplaced on purpose: facts kept from other services that lean on a read model. */
public class Facts {

    PanelFacts view;
}
