package nl.ymere.privacy.personaldata;

import nl.ymere.privacy.support.IntegrationTest;

/** The tenancy-contract source contract on H2. */
@IntegrationTest
class TenancyContractSourceTest extends TenancyContractSourceContract {
}
