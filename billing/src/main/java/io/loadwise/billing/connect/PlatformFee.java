package io.loadwise.billing.connect;

/**
 * The platform's cut of each charge on a business's account: a percentage in basis points (250 =
 * 2.5 %) plus a fixed amount in the charge's minor units.
 */
public record PlatformFee(int basisPoints, long fixedMinor) {

    public static final PlatformFee NONE = new PlatformFee(0, 0);

    /** The highest percentage a business can be charged: 50 % (5000 basis points). */
    public static final int MAX_BASIS_POINTS = 5000;

    /** The highest fixed part per charge, in minor units (100.00 in a two-decimal currency). */
    public static final long MAX_FIXED_MINOR = 10_000;

    public PlatformFee {
        if (basisPoints < 0 || basisPoints > MAX_BASIS_POINTS) {
            throw new IllegalArgumentException("The fee percentage must be between 0 % and 50 % (0 to "
                    + MAX_BASIS_POINTS + " basis points), not " + basisPoints + " basis points.");
        }
        if (fixedMinor < 0) {
            throw new IllegalArgumentException("The fixed fee cannot be negative.");
        }
        if (fixedMinor > MAX_FIXED_MINOR) {
            throw new IllegalArgumentException(
                    "The fixed fee is at most " + MAX_FIXED_MINOR + " minor units per charge, not " + fixedMinor + ".");
        }
    }

    /** The application fee on a charge of {@code amountMinor}, never more than the charge. */
    public long on(long amountMinor) {
        long percentPart = Math.floorDiv(amountMinor * basisPoints, 10_000L);
        return Math.min(amountMinor, percentPart + fixedMinor);
    }
}
