package nl.ymere.privacy.personaldata;

import nl.ymere.privacy.support.PostgresIntegrationTest;

/** The tenancy-contract source contract on PostgreSQL (required when CI=true). */
@PostgresIntegrationTest
class TenancyContractSourcePostgresTest extends TenancyContractSourceContract {
}
