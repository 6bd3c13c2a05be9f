"""The process pool: the same results as map, in order."""

from analysis.load.pool import cpu_count, pool_map


def test_cpu_count_is_positive():
    assert cpu_count() >= 1


def test_pool_map_keeps_the_order_of_the_jobs():
    jobs = range(20)
    assert list(pool_map(abs, (-j for j in jobs), 2)) == list(map(abs, (-j for j in jobs)))
