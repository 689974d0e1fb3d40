"""More eligibility cases from the law, one per boundary, added to tests/legal/test_eligibility.py's table.

Names: L06 = Luật Thi đua, khen thưởng 06/2022/QH15 (Dxx = its article); ND91 = Nghị định 91/2017/NĐ-CP under
the old law (achievements up to 2023); ND98 = Nghị định 98/2023/NĐ-CP (2024 to 30/6/2025); ND152 = Nghị định
152/2025/NĐ-CP (from 01/7/2025). "no_criteria" cases: no rule in force is a finding, never a pass.
"""

E, N, R = "eligible", "not_eligible", "needs_review"
EXCELLENT5 = {y: "HTXSNV" for y in range(2019, 2024)}
GOOD5 = {y: "HTTNV" for y in range(2021, 2026)}
TTLDXS_MEMBERS = [{"rating": "HTXSNV", "titles": ["lao-dong-tien-tien", "cstd-co-so"]},
                  {"rating": "HTTNV", "titles": ["lao-dong-tien-tien"]},
                  {"rating": "HTTNV", "titles": ["lao-dong-tien-tien"]}, {"rating": "HTNV"}]
MAJORITY_LDTT = [{"titles": ["lao-dong-tien-tien"]}, {"titles": ["lao-dong-tien-tien"]}, {}]
CSTDCS_2025 = {"lao-dong-tien-tien": [2025]}

CASES = {
    # --- Lao động tiên tiến, Chiến sĩ tiên tiến (L06 Art 24; old law Art 24) ---------------------------------
    "L06_D24_3_farmer_without_rating_is_judged_on_article_24_3": dict(
        award="lao-dong-tien-tien", year=2025, category="farmer", expect=R, contains="khoản 3 Điều 24"),
    "ND91_ldtt_2023_only_completed_is_not_enough": dict(
        award="lao-dong-tien-tien", year=2023, ratings={2023: "HTNV"}, expect=N, contains="Nghị định 91/2017"),
    "ND98_ldtt_2024_cites_decree_98": dict(
        award="lao-dong-tien-tien", year=2024, ratings={2024: "HTTNV"}, expect=E, contains="Nghị định 98/2023"),
    "ND152_ldtt_2025_cites_decree_152": dict(
        award="lao-dong-tien-tien", year=2025, ratings={2025: "HTTNV"}, expect=E, contains="Nghị định 152/2025"),
    "L06_D24_2_chien_si_tien_tien_same_standard": dict(
        award="chien-si-tien-tien", year=2025, ratings={2025: "HTTNV"}, expect=E),
    "L06_D24_2_chien_si_tien_tien_completed_only": dict(
        award="chien-si-tien-tien", year=2025, ratings={2025: "HTNV"}, expect=N),
    "ND91xm_ldtt_2023_recruited_less_than_ten_months_before": dict(
        award="lao-dong-tien-tien", year=2023, ratings={2023: "HTTNV"}, hired=__import__("datetime").date(2023, 4, 1),
        expect=N, contains="tuyển dụng"),
    "ND91xm_ldtt_2023_absent_forty_days": dict(
        award="lao-dong-tien-tien", year=2023, ratings={2023: "HTTNV"}, absent=40, expect=N,
        contains="40 ngày làm việc"),
    "ND91xm_ldtt_2023_absent_39_days": dict(
        award="lao-dong-tien-tien", year=2023, ratings={2023: "HTTNV"}, absent=39, expect=E),
    "ND91_blocked_by_discipline_in_2023": dict(
        award="lao-dong-tien-tien", year=2023, ratings={2023: "HTTNV"},
        blocks=[("discipline", "Cảnh cáo", __import__("datetime").date(2023, 5, 1), None)], expect=N),
    # --- Chiến sĩ thi đua cơ sở (L06 Art 23; ND91 Art 9.3 quota) ----------------------------------------------
    "L06_D23_cstdcs_initiative_of_an_earlier_year_is_not_this_years_achievement": dict(
        award="cstd-co-so", year=2025, titles=CSTDCS_2025, ratings={2025: "HTTNV"},
        initiatives=[("grassroots", 2022, None)], expect=N, contains="ngoài thời gian tính thành tích"),
    "ND91_D9_3_cstdcs_quota_counts_the_whole_city": dict(
        award="cstd-co-so", year=2023, titles={"lao-dong-tien-tien": [2023]}, ratings={2023: "HTTNV"},
        initiatives=[("grassroots", 2023, None)], unit_ldtt=10, city_nominees=1, expect=N, contains="hạn mức"),
    "ND91_D9_3_cstdcs_quota_within_the_city_limit": dict(
        award="cstd-co-so", year=2023, titles={"lao-dong-tien-tien": [2023]}, ratings={2023: "HTTNV"},
        initiatives=[("grassroots", 2023, None)], unit_ldtt=14, city_nominees=1, expect=E),
    "ND91_D9_3_cstdcs_quota_with_only_the_nominees_own_ldtt": dict(
        award="cstd-co-so", year=2023, titles={"lao-dong-tien-tien": [2023]}, ratings={2023: "HTTNV"},
        initiatives=[("grassroots", 2023, None)], expect=N, contains="hạn mức: đề nghị 1, tối đa 0"),
    "ND91_D9_3_cstdcs_quota_without_any_ldtt_recorded": dict(
        award="cstd-co-so", year=2023, titles={}, ratings={2023: "HTXSNV"}, initiatives=[("grassroots", 2023, None)],
        expect=R, contains="chưa có số liệu Lao động tiên tiến năm 2023 của thành phố"),  # LĐTT standard met: Art 23.1
    "ND91_cstdcs_2023_initiative_of_2021_is_outside_the_year": dict(
        award="cstd-co-so", year=2023, titles={"lao-dong-tien-tien": [2023]}, ratings={2023: "HTTNV"},
        initiatives=[("grassroots", 2021, None)], unit_ldtt=20, expect=N, contains="ngoài thời gian"),
    # --- Chiến sĩ thi đua thành phố (L06 Art 22) ---------------------------------------------------------------
    "L06_D22_cstdtp_chain_already_used_for_the_title_in_2024": dict(
        award="cstd-thanh-pho", year=2025, titles={"cstd-co-so": [2023, 2024, 2025]},
        past={"cstd-thanh-pho": [2024]}, initiatives=[("city", 2025, None)], expect=N, contains="đã được dùng"),
    "L06_D22_cstdtp_a_new_chain_after_the_earlier_title": dict(
        award="cstd-thanh-pho", year=2027, titles={"cstd-co-so": [2025, 2026, 2027]},
        past={"cstd-thanh-pho": [2024]}, initiatives=[("city", 2026, None)], expect=E),
    "L06_D22_cstdtp_initiative_older_than_the_chain": dict(
        award="cstd-thanh-pho", year=2025, titles={"cstd-co-so": [2023, 2024, 2025]},
        initiatives=[("city", 2021, None)], expect=N, contains="ngoài thời gian"),
    "ND98_cstdtp_2024_chain_2022_2024": dict(
        award="cstd-thanh-pho", year=2024, titles={"cstd-co-so": [2022, 2023, 2024]},
        initiatives=[("city", 2024, None)], expect=E, contains="Nghị định 98/2023"),
    "ND91_cstdtp_2023_gap_in_the_chain": dict(
        award="cstd-thanh-pho", year=2023, titles={"cstd-co-so": [2021, 2023]}, initiatives=[("city", 2023, None)],
        expect=N, contains="thiếu 2022"),
    # --- Chiến sĩ thi đua toàn quốc (L06 Art 21; reading: two consecutive three-year cycles) ------------------
    "L06_D21_cstdtq_two_consecutive_years_are_not_two_cycles": dict(
        award="cstd-toan-quoc", year=2025, titles={"cstd-thanh-pho": [2024, 2025]},
        initiatives=[("national", 2025, None)], expect=N, contains="thiếu 2022"),
    "ND91_cstdtq_2023_two_cycles_under_the_old_law": dict(
        award="cstd-toan-quoc", year=2023, titles={"cstd-thanh-pho": [2020, 2023]},
        initiatives=[("national", 2022, None)], expect=E, contains="Nghị định 91/2017"),
    "L06_D21_cstdtq_ad_hoc_city_title_does_not_count": dict(
        award="cstd-toan-quoc", year=2025, titles={"cstd-thanh-pho": [2025]}, adhoc={"cstd-thanh-pho": [2022]},
        initiatives=[("national", 2025, None)], expect=N),
    # --- Cờ thi đua (L06 Art 25, 26): leading the cluster, from campaigns' results -----------------------------
    "L06_D26_co_tp_leads_its_cluster_and_excellent": dict(
        award="co-thi-dua-thanh-pho", year=2025, subject="collective", members=MAJORITY_LDTT, unit_rating="HTXSNV",
        cluster="lead", expect=E, contains="dẫn đầu"),
    "L06_D26_co_tp_second_in_its_cluster": dict(
        award="co-thi-dua-thanh-pho", year=2025, subject="collective", members=MAJORITY_LDTT, unit_rating="HTXSNV",
        cluster="second", expect=N, contains="không dẫn đầu"),
    "L06_D26_co_tp_no_cluster_result": dict(
        award="co-thi-dua-thanh-pho", year=2025, subject="collective", members=MAJORITY_LDTT, unit_rating="HTXSNV",
        expect=R, contains="chưa có kết quả chấm điểm"),
    "L06_D26_co_tp_collective_only_good": dict(
        award="co-thi-dua-thanh-pho", year=2025, subject="collective", members=MAJORITY_LDTT, unit_rating="HTTNV",
        cluster="lead", expect=N),
    "ND91_D26_co_tp_2023_leads_its_cluster": dict(
        award="co-thi-dua-thanh-pho", year=2023, subject="collective", members=MAJORITY_LDTT, cluster="lead",
        expect=E, contains="Luật TĐKT 2003 (sửa đổi 2013)"),
    "L06_D25_co_chinh_phu_holds_the_city_flag": dict(
        award="co-thi-dua-chinh-phu", year=2025, subject="collective", members=MAJORITY_LDTT, unit_rating="HTXSNV",
        unit_titles={"co-thi-dua-thanh-pho": [2025]}, expect=E),
    "L06_D25_co_chinh_phu_without_the_city_flag": dict(
        award="co-thi-dua-chinh-phu", year=2025, subject="collective", members=MAJORITY_LDTT, unit_rating="HTXSNV",
        expect=N),
    # --- Tập thể lao động xuất sắc (L06 Art 27) and tiên tiến (Art 28) ---------------------------------------
    "L06_D27_1a_ttldxs_collective_only_good": dict(
        award="tap-the-ldxs", year=2025, subject="collective", unit_rating="HTTNV", members=TTLDXS_MEMBERS,
        expect=N, contains="cần HTXSNV"),
    # Art 27 repeats no discipline clause, but a collective never passes the higher title while failing the lower
    # one (Art 28) on a rule the higher one does not have (issue 31, item 4).
    "L06_D27_D28_ttldxs_a_warned_member_fails_the_lower_titles_rule": dict(
        award="tap-the-ldxs", year=2025, subject="collective", unit_rating="HTXSNV",
        members=TTLDXS_MEMBERS[:3] + [{"rating": "HTNV", "block": "Cảnh cáo"}], expect=N, contains="Cảnh cáo"),
    "ND91_D27_ttldxs_2023_a_warned_member_blocks": dict(
        award="tap-the-ldxs", year=2023, subject="collective",
        members=TTLDXS_MEMBERS[:3] + [{"rating": "HTNV", "block": "Cảnh cáo"}], expect=N, contains="Cảnh cáo"),
    "L06_D27_ttldxs_collective_rating_missing": dict(
        award="tap-the-ldxs", year=2025, subject="collective", members=TTLDXS_MEMBERS, expect=R,
        contains="chưa có kết quả xếp loại của tập thể"),
    "L06_D28_ttldtt_collective_only_completed": dict(
        award="tap-the-ldtt", year=2025, subject="collective", unit_rating="HTNV", members=MAJORITY_LDTT, expect=N),
    "ND91_D28_ttldtt_2023_majority_without_collective_rating": dict(
        award="tap-the-ldtt", year=2023, subject="collective", members=MAJORITY_LDTT, expect=E),
    # --- Bằng khen của Thủ tướng (L06 Art 73.1.b; ND91 for 2023) ----------------------------------------------
    "L06_D73_bkttg_a_ministrys_bang_khen_counts": dict(
        award="bang-khen-thu-tuong", year=2025, ratings=GOOD5, titles={"cstd-co-so": [2021, 2023, 2025]},
        past={"bang-khen-bo-nganh": [2022]}, expect=E),
    "L06_D73_bkttg_a_thematic_bang_khen_does_not_count": dict(
        award="bang-khen-thu-tuong", year=2025, ratings=GOOD5, titles={"cstd-co-so": [2021, 2023, 2025]},
        thematic={"bang-khen-chu-tich": [2022]}, expect=N, contains="không làm căn cứ"),
    "ND91_bkttg_2023_five_excellent_years_and_five_initiatives": dict(
        award="bang-khen-thu-tuong", year=2023, ratings=EXCELLENT5, past={"bang-khen-chu-tich": [2018]},
        initiatives=[("grassroots", y, None) for y in range(2019, 2024)], expect=E, contains="Nghị định 91/2017"),
    "ND91_bkttg_2023_good_years_are_not_enough": dict(
        award="bang-khen-thu-tuong", year=2023, ratings={y: "HTTNV" for y in range(2019, 2024)},
        past={"bang-khen-chu-tich": [2018]}, initiatives=[("grassroots", y, None) for y in range(2019, 2024)],
        expect=N),
    # --- Bằng khen của Chủ tịch UBND thành phố (L06 Art 74: alternatives) -------------------------------------
    # Ad hoc and thematic: the engine judges the achievement recorded (issue 31, item 9); what is not recorded is
    # named for the unit to add.
    "L06_D74_bkct_ad_hoc_achievement_not_recorded": dict(
        award="bang-khen-chu-tich", year=2025, commendation="ad_hoc", expect=R,
        contains="Thành tích đột xuất (hành động dũng cảm, thành tích đặc biệt xuất sắc) được ghi nhận kịp thời: "
                 "thiếu thành tích đạt được; ngày lập thành tích; phong trào hoặc sự kiện; văn bản ghi nhận"),
    "L06_D74_bkct_thematic_movement_not_recorded": dict(
        award="bang-khen-chu-tich", year=2025, commendation="thematic", expect=R, contains="theo đợt, chuyên đề"),
    "ND91_bkct_2023_two_excellent_years_two_initiatives": dict(
        award="bang-khen-chu-tich", year=2023, ratings={2022: "HTXSNV", 2023: "HTXSNV"},
        initiatives=[("grassroots", 2022, None), ("grassroots", 2023, None)], expect=E, contains="Nghị định 91/2017"),
    "L06_D74_2_bkct_collective_excellent": dict(
        award="bang-khen-chu-tich-tap-the", year=2025, subject="collective", members=MAJORITY_LDTT,
        unit_rating="HTXSNV", expect=E),
    "L06_D74_bkct_collective_ad_hoc_not_recorded": dict(
        award="bang-khen-chu-tich-tap-the", year=2025, subject="collective", members=MAJORITY_LDTT,
        commendation="ad_hoc", expect=R, contains="Thành tích đột xuất của tập thể: thiếu"),
    # --- no criteria in force: a finding for the officer, never a pass ---------------------------------------
    # Huân chương Lao động has its rules since issue 31 (item 5): another order without criteria stands in.
    "no_criteria_huan_chuong_chien_cong_3_for_merit_2025": dict(
        award="huan-chuong-chien-cong-3", year=2025, ratings=GOOD5, expect=R, contains="chưa có tiêu chuẩn áp dụng"),
    # Decree 86/2023 Appendix III (issue 31, item 11): the standards are the officer's to judge, never "no criteria".
    "D86_PL3_xa_phuong_tieu_bieu_2025": dict(
        award="xa-phuong-tieu-bieu", year=2025, subject="collective", members=MAJORITY_LDTT, expect=R,
        contains="nhiệm vụ kinh tế - xã hội, quốc phòng, an ninh"),
    "no_criteria_anh_hung_lao_dong_2024": dict(
        award="anh-hung-lao-dong", year=2024, expect=R, contains="chưa có tiêu chuẩn áp dụng"),
    "no_criteria_bkct_for_long_service_2025": dict(
        award="bang-khen-chu-tich", year=2025, commendation="service", expect=R,
        contains="chưa có tiêu chuẩn áp dụng"),
    "no_criteria_cstdcs_for_an_ad_hoc_achievement": dict(
        award="cstd-co-so", year=2025, commendation="ad_hoc", expect=R, contains="chưa có tiêu chuẩn áp dụng"),
    "L06_D74_3_bkct_household_2025": dict(  # the officer judges the household's contribution (cần xác minh)
        award="bang-khen-chu-tich-ho-gia-dinh", year=2025, subject="household", expect=R,
        contains="công sức, đất đai, tài sản"),
    # A household's Bằng khen has its rules since issue 31 (item 9, tests/legal/test_law_facts.py): another stands in.
    "no_criteria_huan_chuong_dung_cam_2025": dict(
        award="huan-chuong-dung-cam", year=2025, expect=R, contains="chưa có tiêu chuẩn áp dụng"),
    # --- Huân chương Độc lập for families with many martyrs (the class follows the number) ------------------
    "ND98xm_doc_lap_3_family_with_three_martyrs": dict(
        award="huan-chuong-doc-lap-3-gia-dinh", year=2025, subject="household", commendation="service", martyrs=3,
        expect=E),
    "ND98xm_doc_lap_3_family_with_four_martyrs_is_another_class": dict(
        award="huan-chuong-doc-lap-3-gia-dinh", year=2025, subject="household", commendation="service", martyrs=4,
        expect=N, contains="hạng này dành cho"),
    "ND98xm_doc_lap_1_family_with_six_martyrs": dict(
        award="huan-chuong-doc-lap-1-gia-dinh", year=2025, subject="household", commendation="service", martyrs=6,
        expect=E),
    "ND98xm_doc_lap_family_martyrs_not_recorded": dict(
        award="huan-chuong-doc-lap-2-gia-dinh", year=2025, subject="household", commendation="service",
        expect=R, contains="chưa ghi số liệt sĩ"),
}
