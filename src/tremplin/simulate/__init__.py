"""The demo territory: a labour-market simulator built on real referentials.

Public API::

    from tremplin.simulate import SimulationConfig, simulate_territory, load_territory
    result = simulate_territory(SimulationConfig(departements=["74"], jobseekers=3000, seed=7))
    territory = load_territory(result.out_dir)
    territory.jobseekers, territory.offers, territory.interactions   # pandas DataFrames
    territory.truth("applications_truth")                           # hidden variables

Everything it produces is SIMULATED (people, companies, offers, e-mails); only the
referentials (ROME, communes, bassins, hiring tables, schemes) are real. See docs/simulation.md.
"""

from tremplin.simulate.config import SimulationConfig
from tremplin.simulate.engine import TerritoryResult, simulate_territory
from tremplin.simulate.files import Territory, load_territory

__all__ = ["SimulationConfig", "Territory", "TerritoryResult", "load_territory", "simulate_territory"]
