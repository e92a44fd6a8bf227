package io.loadwise.billing.connect;

/**
 * The platform's cut of each charge on a business's account: a percentage in basis points (250 =
 * 2.5 %) plus a fixed amount in the charge's minor units.
 */
public record PlatformFee(int basisPoints, long fixedMinor) {

    public static final PlatformFee NONE = new PlatformFee(0, 0);

    public PlatformFee {
        if (basisPoints < 0 || basisPoints > 5000) {
            throw new IllegalArgumentException("The fee percentage must be between 0 % and 50 %.");
        }
        if (fixedMinor < 0) {
            throw new IllegalArgumentException("The fixed fee cannot be negative.");
        }
    }

    /** The application fee on a charge of {@code amountMinor}, never more than the charge. */
    public long on(long amountMinor) {
        long percentPart = Math.floorDiv(amountMinor * basisPoints, 10_000L);
        return Math.min(amountMinor, percentPart + fixedMinor);
    }
}
