-- Phase 2 rollback script for SQL Server, idempotent: every statement is guarded
-- by `django_migrations`, so the script can run again after a stop or a failure.
-- Rendered offline by `manage.py plan ddl --vendor mssql`. Do not edit; re-render.
-- Run with `sqlcmd -b -I -i <file>` so that the first error stops the script.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
-- accounts.0011_online_addresses (plan item 016)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_online_addresses')
BEGIN
    EXEC(N'DROP INDEX [ServiceProviders_BaseAddressId_0c6e93b8] ON [ServiceProviders]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_online_addresses')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_online_addresses';
END;
GO
-- accounts.0011_addresses (plan item 016)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT [CK_Providers_Radius]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [ServiceRadiusKm]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT [ServiceProviders_BaseAddressId_0c6e93b8_fk_Addresses_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [BaseAddressId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Addresses]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Addresses]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Addresses]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Addresses]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0003_user_subscriptions (plan item 015)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserSubscriptions]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserSubscriptions]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserSubscriptions]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserSubscriptions]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0002_seed_free_plan (plan item 014)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0002_seed_free_plan')
    THROW 50001, N'billing.0002_seed_free_plan runs Python (unseed_free_plan): apply it with manage.py plan rollback, or manage.py migrate billing <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0002_seed_free_plan')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0002_seed_free_plan')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0002_seed_free_plan';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0001_subscription_plans (plan item 014)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PlanEntitlements]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PlanEntitlements]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PlanEntitlements]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PlanEntitlements]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SubscriptionPlans]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SubscriptionPlans]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[SubscriptionPlans]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [SubscriptionPlans]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0003_reviews (plan item 013)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderReviews]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderReviews]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ProviderReviews]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ProviderReviews]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0010_online_service_provider_enhancements (plan item 012)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'DROP INDEX [IX_Providers_Rating] ON [ServiceProviders]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'DROP INDEX [IX_Providers_Active_Verified] ON [ServiceProviders]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'DROP INDEX [ServiceProviders_ProfileImageFileId_e6945f51] ON [ServiceProviders]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT [ServiceProviders_Slug_1e1599cd_uniq]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements';
END;
GO
-- accounts.0010_service_provider_enhancements (plan item 012)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT [CK_Providers_VerifStatus]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT [CK_Providers_Policy]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT [CK_Providers_Rating]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''IsActive'', ''ColumnId''));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [IsActive]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''CompletedAppointmentCount'', ''ColumnId''));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''CompletedAppointmentCount'', ''ColumnId''));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [CompletedAppointmentCount]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''ReviewCount'', ''ColumnId''));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_5 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''ReviewCount'', ''ColumnId''));
IF @dj_drop_5 IS NOT NULL EXEC sp_executesql @dj_drop_5');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [ReviewCount]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [AverageRating]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [VerifiedAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_6 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''VerificationStatus'', ''ColumnId''));
IF @dj_drop_6 IS NOT NULL EXEC sp_executesql @dj_drop_6');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [VerificationStatus]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_7 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''CancellationPolicy'', ''ColumnId''));
IF @dj_drop_7 IS NOT NULL EXEC sp_executesql @dj_drop_7');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [CancellationPolicy]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_8 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''AcceptsNewClients'', ''ColumnId''));
IF @dj_drop_8 IS NOT NULL EXEC sp_executesql @dj_drop_8');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [AcceptsNewClients]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_9 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''TimeZone'', ''ColumnId''));
IF @dj_drop_9 IS NOT NULL EXEC sp_executesql @dj_drop_9');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [TimeZone]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT [ServiceProviders_ProfileImageFileId_e6945f51_fk_StoredFiles_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [ProfileImageFileId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_10 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''Website'', ''ColumnId''));
IF @dj_drop_10 IS NOT NULL EXEC sp_executesql @dj_drop_10');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [Website]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_11 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''BusinessPhone'', ''ColumnId''));
IF @dj_drop_11 IS NOT NULL EXEC sp_executesql @dj_drop_11');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [BusinessPhone]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_12 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''YearsOfExperience'', ''ColumnId''));
IF @dj_drop_12 IS NOT NULL EXEC sp_executesql @dj_drop_12');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [YearsOfExperience]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_13 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''Bio'', ''ColumnId''));
IF @dj_drop_13 IS NOT NULL EXEC sp_executesql @dj_drop_13');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [Bio]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'DECLARE @dj_drop_14 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ServiceProviders] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ServiceProviders]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ServiceProviders]''), N''Headline'', ''ColumnId''));
IF @dj_drop_14 IS NOT NULL EXEC sp_executesql @dj_drop_14');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [Headline]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ALTER COLUMN [Slug] nvarchar(120) NULL');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] DROP COLUMN [Slug]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0002_seed_service_categories (plan item 011)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0002_seed_service_categories')
    THROW 50001, N'scheduling.0002_seed_service_categories runs Python (unseed_categories): apply it with manage.py plan rollback, or manage.py migrate scheduling <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0002_seed_service_categories')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0002_seed_service_categories')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0002_seed_service_categories';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0001_service_catalog (plan item 011)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceOfferings]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceOfferings]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceOfferings]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ServiceOfferings]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceCategories]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceCategories]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[ServiceCategories]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [ServiceCategories]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- pets.0003_medical_records (plan item 010)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [WeightRecords] DROP CONSTRAINT [CK_WeightRecords_Source]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [WeightRecords] DROP CONSTRAINT [CK_WeightRecords_Weight]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [WeightRecords] DROP CONSTRAINT [UX_WeightRecords_Dog_Date]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [MedicalDocuments] DROP CONSTRAINT [CK_MedicalDocuments_DocumentType]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DROP INDEX [IX_MedicalDocs_Dog_Issued] ON [MedicalDocuments]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Vaccinations] DROP CONSTRAINT [CK_Vaccinations_Status]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Vaccinations] DROP CONSTRAINT [CK_Vaccinations_VaccineType]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Vaccinations] DROP CONSTRAINT [CK_Vaccinations_Due]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DROP INDEX [IX_Vaccinations_Due] ON [Vaccinations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DROP INDEX [IX_Vaccinations_Dog_Due] ON [Vaccinations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [VetVisits] DROP CONSTRAINT [CK_VetVisits_Weight]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [VetVisits] DROP CONSTRAINT [CK_VetVisits_Cost]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DROP INDEX [IX_VetVisits_Dog_Date] ON [VetVisits]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Medications]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Medications]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Medications]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Medications]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogConditions]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogConditions]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogConditions]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DogConditions]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogAllergies]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogAllergies]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogAllergies]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DogAllergies]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[WeightRecords]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[WeightRecords]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[WeightRecords]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [WeightRecords]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MedicalDocuments]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MedicalDocuments]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MedicalDocuments]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [MedicalDocuments]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Vaccinations]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Vaccinations]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Vaccinations]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Vaccinations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[VetVisits]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[VetVisits]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[VetVisits]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [VetVisits]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- pets.0002_dog_profiles_fulltext (plan item 009)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0002_dog_profiles_fulltext')
    THROW 50001, N'pets.0002_dog_profiles_fulltext runs Python (backwards): apply it with manage.py plan rollback, or manage.py migrate pets <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0002_dog_profiles_fulltext')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0002_dog_profiles_fulltext';
END;
GO
-- pets.0001_dog_profiles (plan item 009)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogAccessGrants] DROP CONSTRAINT [CK_DogAccessGrants_AccessLevel]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [UX_DogAccessGrants_Dog_Grantee] ON [DogAccessGrants]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [IX_DogAccessGrants_GrantedBy] ON [DogAccessGrants]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [IX_DogAccessGrants_Grantee] ON [DogAccessGrants]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [IX_DogAccessGrants_Dog] ON [DogAccessGrants]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [UX_DogProfiles_Microchip] ON [DogProfiles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Height]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Weight]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Training]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Social]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Energy]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Gender]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [IX_DogProfiles_Created] ON [DogProfiles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [IX_DogProfiles_Owner_Active] ON [DogProfiles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [IX_DogProfiles_Active] ON [DogProfiles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [IX_DogProfiles_Breed] ON [DogProfiles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [IX_DogProfiles_Name] ON [DogProfiles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DROP INDEX [IX_DogProfiles_Owner] ON [DogProfiles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogAccessGrants]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogAccessGrants]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogAccessGrants]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DogAccessGrants]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogProfiles]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogProfiles]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[DogProfiles]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DogProfiles]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
