package io.loadwise;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The billing module with the platform it builds on, for its integration tests. In the root
 * package so it scans platform-api's beans as the real application does.
 */
@SpringBootApplication
public class BillingTestApplication {}
