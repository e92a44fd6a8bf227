package io.loadwise.planengine;

/**
 * A proposal can't be applied any more: the plan changed since it was computed, or the proposal
 * was decided already (409 in the API). Nothing of the plan is changed.
 */
public class ProposalOutdatedException extends RuntimeException {

    public ProposalOutdatedException(String message) {
        super(message);
    }
}
