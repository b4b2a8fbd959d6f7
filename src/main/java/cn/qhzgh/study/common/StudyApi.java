package cn.qhzgh.study.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The contract's tags, declared once: product areas, each operation in exactly one. Names stay ASCII because client
 * generators turn them into class names (ModulesApi, StatsApi); the descriptions are for the teams, in Chinese.
 * Title, version and description come from application.properties, which override the {@code info} here.
 */
@OpenAPIDefinition(info = @Info(title = "study-service", version = "1.0.0"), tags = {
        @Tag(name = StudyApi.MODULES, description = "学习材料：已发布的学习模块（分段原文，ETag 缓存）与通知信息，所有角色可读"),
        @Tag(name = StudyApi.PROGRESS, description = "学习进度：职工上报阅读进度、查看本人学习记录；管理员查看职工学习记录、导出 xAPI 学习记录"),
        @Tag(name = StudyApi.QUIZZES, description = "测验：职工可参加的测验、开始答题、提交答案、本人答题记录"),
        @Tag(name = StudyApi.STATS, description = "统计：本级及下级工会的完成情况、分模块、分日趋势、三微一端渠道、题目分析、未完成名单与报表导出；统计计数核对任务"),
        @Tag(name = StudyApi.ORGS, description = "组织与职工：本人信息、工会组织树、组织与职工名册导入、职工查询"),
        @Tag(name = StudyApi.QUESTION_BANK, description = "题库：题目审核与修改、题库导入导出与模板、测验（组卷）设置，省总管理员使用"),
        @Tag(name = StudyApi.CAMPAIGNS, description = "学习活动：省总管理员创建、修改、发布与关闭学习活动（学习材料、时间、参学范围、完成规则）；职工查看向本单位开放的学习活动及本人进度"),
        @Tag(name = StudyApi.ADMIN, description = "管理：学习模块的修改与发布、通知文件导入、审计日志，省总管理员使用")})
public class StudyApi extends Application {

    public static final String MODULES = "Modules";
    public static final String PROGRESS = "Progress";
    public static final String QUIZZES = "Quizzes";
    public static final String STATS = "Stats";
    public static final String ORGS = "Orgs";
    public static final String QUESTION_BANK = "QuestionBank";
    public static final String CAMPAIGNS = "Campaigns";
    public static final String ADMIN = "Admin";
}
